package org.mianzheng.tck.example;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.spi.LicenseSource;
import org.mianzheng.tck.LicenseSourceCompatibilityKit;
import org.mianzheng.tck.LicenseSourceFixture;
import org.mianzheng.tck.PlatformFault;

/** The worked example's proof: the kit, extended with a source and a fixture. */
class ProvinceLicenseSourceCompatibilityTest extends LicenseSourceCompatibilityKit {
    private static final ProvincePlatform PLATFORM = new ProvincePlatform();
    private static final LicenseSource SOURCE = new ProvinceLicenseSource(PLATFORM, Duration.ofMillis(300));

    @Override
    protected LicenseSource source() {
        return SOURCE;
    }

    @Override
    protected LicenseSourceFixture fixture() {
        return new LicenseSourceFixture() {
            private LicenseQuery query(org.mianzheng.api.HolderId holder, boolean withFile) {
                return new LicenseQuery("r-1", holder, "name", ProvincePlatform.TYPE, "ITEM-1", "BIZ-1", "clerk-1", "win-1", "办理", withFile);
            }

            @Override
            public LicenseQuery found(boolean withFile) {
                return query(ProvincePlatform.ALICE, withFile);
            }

            @Override
            public LicenseQuery notFound() {
                return query(ProvincePlatform.NOBODY, false);
            }

            @Override
            public LicenseQuery revoked() {
                return query(ProvincePlatform.BOB, false);
            }

            @Override
            public LicenseQuery expired() {
                return query(ProvincePlatform.CAROL, false);
            }

            @Override
            public Duration deadline() {
                return Duration.ofSeconds(2);
            }

            private final Map<PlatformFault, String> faults = Map.of(PlatformFault.CONNECTION_RESET, "DOWN", PlatformFault.NO_ANSWER, "SILENT",
                    PlatformFault.UNKNOWN_STATUS, "WEIRD", PlatformFault.WRONG_HOLDER, "LIAR");

            @Override
            public Set<PlatformFault> supportedFaults() {
                return faults.keySet();
            }

            @Override
            public void inject(PlatformFault fault) {
                PLATFORM.fault = faults.get(fault);
            }

            @Override
            public void clearFaults() {
                PLATFORM.fault = null;
            }

            @Override
            public Optional<LicenseQuery> restricted() {
                return Optional.empty();
            }

            @Override
            public Optional<java.util.List<org.mianzheng.tck.SeenPurpose>> purposesSeen() { // item/case/operator/window/purpose
                return Optional.of(PLATFORM.purposes.stream().map(s -> s.split("/", 5))
                        .map(f -> new org.mianzheng.tck.SeenPurpose(f[0], f[1], f[2], f[3], f.length > 4 ? f[4] : "")).toList());
            }

            @Override
            public void resetRecording() {
                PLATFORM.purposes.clear();
            }
        };
    }
}
