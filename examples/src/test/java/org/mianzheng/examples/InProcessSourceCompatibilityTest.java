package org.mianzheng.examples;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.License;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.spi.LicenseSource;
import org.mianzheng.tck.LicenseSourceCompatibilityKit;
import org.mianzheng.tck.LicenseSourceFixture;

/**
 * Writing an adapter and proving it with the TCK: {@link InProcessSource} is the smallest possible
 * {@link LicenseSource}; this test extends the contract kit, says which holders the backend knows (found, not found,
 * revoked, expired), and inherits every contract test. An adapter for another province's platform does the same
 * against its simulator or test system (see docs/adapters.md).
 */
class InProcessSourceCompatibilityTest extends LicenseSourceCompatibilityKit {
    static final String TYPE = "111000000000131433"; // 居民户口簿
    static final HolderId FOUND = HolderId.resident("11010519491231002X");
    static final HolderId REVOKED = HolderId.resident("440524188001010014");
    static final HolderId EXPIRED = HolderId.resident("110101199003074477");
    static final HolderId UNKNOWN = HolderId.resident("150302199001010013".substring(0, 17)
            + org.mianzheng.api.CheckCharacters.residentIdentityCheck("15030219900101001"));

    private final InProcessSource source = new InProcessSource("inprocess")
            .add(FOUND, "张三", TYPE, "HK-0001", "乌海市公安局海勃湾区分局")
            .add(new License(null, TYPE, "HK-0002", REVOKED, "李四", "乌海市公安局", null, null, null, LicenseStatus.REVOKED, Map.of(), null))
            .add(new License(null, TYPE, "HK-0003", EXPIRED, "王五", "乌海市公安局", null, LocalDate.of(2010, 1, 1), LocalDate.of(2020, 1, 1),
                    LicenseStatus.EXPIRED, Map.of(), null));

    private static LicenseQuery query(HolderId holder, String name, boolean withFile) {
        return new LicenseQuery("q-" + holder.value().substring(14), holder, name, TYPE, "11150300MZ0003", "TCK-1", "clerk", "w1", "办理离婚登记",
                withFile);
    }

    @Override
    protected LicenseSource source() {
        return source;
    }

    @Override
    protected LicenseSourceFixture fixture() {
        return new LicenseSourceFixture() {
            @Override
            public LicenseQuery found(boolean withFile) {
                return query(FOUND, "张三", withFile);
            }

            @Override
            public LicenseQuery notFound() {
                return query(UNKNOWN, "赵六", false);
            }

            @Override
            public LicenseQuery revoked() {
                return query(REVOKED, "李四", false);
            }

            @Override
            public LicenseQuery expired() {
                return query(EXPIRED, "王五", false);
            }

            @Override
            public Duration deadline() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
