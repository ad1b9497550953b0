package org.mianzheng.tck.simulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.mianzheng.api.HolderKind;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.simulator.Fault;
import org.mianzheng.simulator.Route;
import org.mianzheng.simulator.SampleData;
import org.mianzheng.simulator.SampleHolder;
import org.mianzheng.simulator.SampleLicense;
import org.mianzheng.simulator.SeenCall;
import org.mianzheng.simulator.Simulator;
import org.mianzheng.tck.LicenseSourceFixture;
import org.mianzheng.tck.PlatformFault;
import org.mianzheng.tck.SeenPurpose;

/**
 * The {@link LicenseSourceFixture} over one of the simulator's platforms ({@link #cityHub}, {@link #oneWindow}): sample
 * holders for each outcome, the platform faults the simulator injects, the purposes it records and the log captured
 * by {@link LogCapture}.
 */
public final class SimulatorFixture implements LicenseSourceFixture {
    private final Simulator sim;
    private final Duration deadline;
    private final Map<PlatformFault, Runnable> faults = new EnumMap<>(PlatformFault.class);

    private SimulatorFixture(Simulator sim, Duration deadline) {
        this.sim = sim;
        this.deadline = deadline;
    }

    /**
     * The fixture over the simulator's cityhub platform.
     *
     * @param sim the running simulator
     * @param deadline how long a retrieval may take at most
     * @return the fixture
     */
    public static SimulatorFixture cityHub(Simulator sim, Duration deadline) {
        SimulatorFixture f = new SimulatorFixture(sim, deadline);
        f.faults.put(PlatformFault.SERVER_ERROR, () -> sim.faults().inject(Route.CITYHUB_QUERY, Fault.of(Fault.Kind.SERVER_ERROR)));
        f.faults.put(PlatformFault.CONNECTION_RESET, () -> sim.faults().inject(Route.CITYHUB_QUERY, Fault.of(Fault.Kind.CONNECTION_RESET)));
        f.faults.put(PlatformFault.NO_ANSWER, () -> sim.faults().inject(Route.CITYHUB_QUERY, Fault.of(Fault.Kind.NO_ANSWER)));
        f.faults.put(PlatformFault.MALFORMED_JSON, () -> sim.faults().inject(Route.CITYHUB_QUERY, Fault.of(Fault.Kind.MALFORMED_JSON)));
        f.faults.put(PlatformFault.TRUNCATED_BODY, () -> sim.faults().inject(Route.CITYHUB_QUERY, Fault.of(Fault.Kind.TRUNCATED_BODY)));
        f.faults.put(PlatformFault.OVERSIZED_BODY, () -> sim.faults().inject(Route.CITYHUB_QUERY, Fault.oversized(4 * 1024 * 1024)));
        f.faults.put(PlatformFault.WRONG_HOLDER, () -> sim.faults().inject(Route.CITYHUB_QUERY, Fault.of(Fault.Kind.WRONG_HOLDER)));
        f.faults.put(PlatformFault.AUTHENTICATION_FAILURE, () -> sim.faults().inject(Route.CITYHUB_QUERY, Fault.of(Fault.Kind.AUTHENTICATION_FAILURE)));
        f.faults.put(PlatformFault.RATE_LIMITED, () -> sim.faults().inject(Route.CITYHUB_QUERY, Fault.of(Fault.Kind.RATE_LIMITED)));
        f.faults.put(PlatformFault.UNKNOWN_STATUS, () -> sim.faults().inject(Route.CITYHUB_QUERY, Fault.status("777")));
        f.faults.put(PlatformFault.CORRUPT_FILE, () -> sim.faults().inject(Route.CITYHUB_DOWNLOAD, Fault.of(Fault.Kind.CORRUPT_FILE)));
        return f;
    }

    /**
     * The fixture over the simulator's onewindow platform.
     *
     * @param sim the running simulator
     * @param deadline how long a retrieval may take at most
     * @return the fixture
     */
    public static SimulatorFixture oneWindow(Simulator sim, Duration deadline) {
        SimulatorFixture f = new SimulatorFixture(sim, deadline);
        f.faults.put(PlatformFault.SERVER_ERROR, () -> sim.faults().inject(Route.ONEWINDOW_GET, Fault.of(Fault.Kind.SERVER_ERROR)));
        f.faults.put(PlatformFault.CONNECTION_RESET, () -> sim.faults().inject(Route.ONEWINDOW_AUTH, Fault.of(Fault.Kind.CONNECTION_RESET)));
        f.faults.put(PlatformFault.NO_ANSWER, () -> sim.faults().inject(Route.ONEWINDOW_GET, Fault.of(Fault.Kind.NO_ANSWER)));
        f.faults.put(PlatformFault.MALFORMED_JSON, () -> sim.faults().inject(Route.ONEWINDOW_GET, Fault.of(Fault.Kind.MALFORMED_JSON)));
        f.faults.put(PlatformFault.TRUNCATED_BODY, () -> sim.faults().inject(Route.ONEWINDOW_GET, Fault.of(Fault.Kind.TRUNCATED_BODY)));
        f.faults.put(PlatformFault.OVERSIZED_BODY, () -> sim.faults().inject(Route.ONEWINDOW_GET, Fault.oversized(4 * 1024 * 1024)));
        f.faults.put(PlatformFault.WRONG_HOLDER, () -> sim.faults().inject(Route.ONEWINDOW_GET, Fault.of(Fault.Kind.WRONG_HOLDER)));
        f.faults.put(PlatformFault.AUTHENTICATION_FAILURE, () -> sim.faults().inject(Route.ONEWINDOW_AUTH, Fault.of(Fault.Kind.AUTHENTICATION_FAILURE)));
        f.faults.put(PlatformFault.RATE_LIMITED, () -> sim.faults().inject(Route.ONEWINDOW_AUTH, Fault.of(Fault.Kind.RATE_LIMITED)));
        f.faults.put(PlatformFault.UNKNOWN_STATUS, () -> sim.faults().inject(Route.ONEWINDOW_GET, Fault.status("9999")));
        f.faults.put(PlatformFault.CORRUPT_FILE, () -> sim.faults().inject(Route.ONEWINDOW_ARCHIVE, Fault.of(Fault.Kind.CORRUPT_FILE)));
        return f;
    }

    /**
     * A query for a holder's license of a type, with the fixed purpose the adapter tests use.
     *
     * @param h the holder
     * @param type the license type code
     * @param withFile whether the license file is wanted too
     * @return the query
     */
    public static LicenseQuery query(SampleHolder h, String type, boolean withFile) {
        return new LicenseQuery("r-1", h.id(), h.name(), type, "ITEM-001", "BIZ-2026-0001", "clerk-7", "win-3", "办理食品经营许可", withFile);
    }

    /**
     * A query for a sample license, with the fixed purpose the adapter tests use.
     *
     * @param l the license
     * @param withFile whether the license file is wanted too
     * @return the query
     */
    public static LicenseQuery query(SampleLicense l, boolean withFile) {
        return query(l.holder(), l.typeCode(), withFile);
    }

    @Override
    public LicenseQuery found(boolean withFile) {
        return query(sim.data().first(LicenseStatus.VALID, HolderKind.PERSON), withFile);
    }

    @Override
    public LicenseQuery notFound() {
        return query(sim.data().unknownHolder(), SampleData.HOUSEHOLD_REGISTER, false);
    }

    @Override
    public LicenseQuery revoked() {
        return query(sim.data().first(LicenseStatus.REVOKED, HolderKind.PERSON), false);
    }

    @Override
    public LicenseQuery expired() {
        return query(sim.data().first(LicenseStatus.EXPIRED, HolderKind.ORGANISATION), false);
    }

    @Override
    public Optional<LicenseQuery> restricted() {
        return Optional.of(query(sim.data().first(LicenseStatus.RESTRICTED, HolderKind.PERSON), false));
    }

    @Override
    public Duration deadline() {
        return deadline;
    }

    @Override
    public Set<PlatformFault> supportedFaults() {
        return faults.keySet();
    }

    @Override
    public void inject(PlatformFault fault) {
        faults.get(fault).run();
    }

    @Override
    public void clearFaults() {
        sim.faults().clear();
    }

    @Override
    public Optional<List<SeenPurpose>> purposesSeen() {
        return Optional.of(sim.calls().stream().map(SimulatorFixture::purpose).collect(Collectors.toList()));
    }

    private static SeenPurpose purpose(SeenCall c) {
        return new SeenPurpose(c.itemCode(), c.bizNo(), c.operatorId(), c.windowId(), c.purpose() == null ? "" : c.purpose()); // recorded: absent is ""
    }

    @Override
    public void resetRecording() {
        sim.clearCalls();
    }

    @Override
    public Optional<Supplier<String>> capturedLog() {
        return Optional.of(LogCapture::text);
    }

    @Override
    public int maxFileBytes() {
        return 2 * 1024 * 1024;
    }
}
