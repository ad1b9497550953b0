package org.mianzheng.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.CatalogChange;
import org.mianzheng.api.CatalogException;
import org.mianzheng.api.CatalogException.Reason;
import org.mianzheng.api.CatalogFiling;
import org.mianzheng.api.Exemption;
import org.mianzheng.api.FilingRequest;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.Issuer;
import org.mianzheng.api.MaterialDecision;
import org.mianzheng.api.MaterialKind;
import org.mianzheng.api.MaterialRequirement;
import org.mianzheng.api.MustSubmitReason;
import org.mianzheng.api.RetrievalMode;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.spi.CatalogStore;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.MutableClock;
import org.mianzheng.core.store.InMemoryCatalogStore;

class CatalogVersioningTest {
    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    MutableClock clock;
    InMemoryCatalogStore store;
    Mianzheng mz;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T0);
        store = new InMemoryCatalogStore();
        mz = Mianzheng.builder().clock(clock).catalogStore(store).build();
        Fixtures.loadWithAccounts(mz);
    }

    FilingRequest byScjgj(CatalogChange... changes) {
        return new FilingRequest("SCJGJ", "clerk7", "数据已对接", "国办发〔2019〕54号", List.of(changes));
    }

    @Test
    void asOfReadsBeforeAndAfterAFiling() {
        clock.advance(Duration.ofHours(1));
        Instant before = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        CatalogFiling f = mz.catalog().file(byScjgj(new CatalogChange.ChangeExemption("SC001", "ZSZM",
                new Exemption(RetrievalMode.DATA_VERIFY, List.of("cityhub")))));
        assertThat(f.sequence()).isEqualTo(2);
        assertThat(f.filedAt()).isEqualTo(clock.instant());
        assertThat(mz.catalog().version()).isEqualTo(2);
        assertThat(mz.catalog().plan("SC001", before).material("ZSZM").orElseThrow().decision()).isEqualTo(MaterialDecision.DIRECTED);
        assertThat(mz.catalog().plan("SC001", f.filedAt()).material("ZSZM").orElseThrow().decision()).isEqualTo(MaterialDecision.EXEMPT);
        assertThat(mz.catalog().plan("SC001", f.filedAt().minusNanos(1)).material("ZSZM").orElseThrow().decision())
                .isEqualTo(MaterialDecision.DIRECTED);
    }

    @Test
    void exemptionChangeIsVisibleOnlyFromItsFilingOn() {
        clock.advance(Duration.ofHours(1));
        Instant before = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        mz.catalog().file(byScjgj(new CatalogChange.ChangeExemption("SC001", "ZSZM", Exemption.NONE)));
        Instant after = clock.instant();
        assertThat(mz.catalog().plan("SC001", before).material("ZSZM").orElseThrow().decision()).isEqualTo(MaterialDecision.DIRECTED);
        assertThat(mz.catalog().plan("SC001", after).material("ZSZM").orElseThrow().reason()).isEqualTo(MustSubmitReason.NOT_IN_CATALOG);
        assertThat(mz.catalog().plan("SC001").material("ZSZM").orElseThrow().reason()).isEqualTo(MustSubmitReason.NOT_IN_CATALOG);
        assertThat(mz.catalog().plan("SC001", after).catalogVersion()).isEqualTo(2);
        // untouched items keep their plan object
        assertThat(mz.catalog().plan("ZJ001", after)).isSameAs(mz.catalog().plan("ZJ001", before));
        // before the first filing the catalog was empty
        assertThatThrownBy(() -> mz.catalog().plan("SC001", T0.minusSeconds(1)))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ITEM));
    }

    @Test
    void addModifyRemoveAndHistory() {
        MaterialRequirement extra = new MaterialRequirement("HB", "环评批复", MaterialKind.FILE_APPROVAL, null,
                new Issuer("ZJJ", "乌海市住房和城乡建设局", true, true), "《环境影响评价法》", new Exemption(RetrievalMode.DIRECTED, List.of()), null);
        clock.advance(Duration.ofMinutes(5));
        mz.catalog().file(byScjgj(new CatalogChange.AddMaterial("SC001", extra)));
        Instant afterAdd = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        mz.catalog().file(byScjgj(new CatalogChange.RemoveMaterial("SC001", "HB")));
        clock.advance(Duration.ofMinutes(5));
        mz.catalog().file(byScjgj(new CatalogChange.RemoveItem("SC002")));
        Instant afterRemove = clock.instant();

        assertThat(mz.catalog().plan("SC001", afterAdd).material("HB").orElseThrow().directedTo()).isEqualTo("ZJJ");
        assertThat(mz.catalog().plan("SC001").material("HB")).isEmpty();
        assertThat(mz.catalog().item("SC002", afterAdd)).isPresent();
        assertThat(mz.catalog().item("SC002", afterRemove)).isEmpty();
        assertThat(mz.catalog().items(afterRemove)).extracting(i -> i.code()).containsExactly("SC001", "ZJ001");
        assertThat(mz.catalog().history()).extracting(CatalogFiling::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(mz.catalog().history("SC001")).extracting(CatalogFiling::sequence).containsExactly(1L, 2L, 3L);
        assertThat(mz.catalog().history("ZJ001")).extracting(CatalogFiling::sequence).containsExactly(1L);
        CatalogFiling f = mz.catalog().history().get(1);
        assertThat(f.departmentCode()).isEqualTo("SCJGJ");
        assertThat(f.operatorId()).isEqualTo("clerk7");
        assertThat(f.reason()).isEqualTo("数据已对接");
        assertThat(f.legalBasis()).isEqualTo("国办发〔2019〕54号");
        assertThat(f.filedAt()).isEqualTo(afterAdd);
    }

    @Test
    void refusedFilingsLeaveTheCatalogUnchanged() {
        long v = mz.catalog().version();
        // another department's item (Art. 16: each unit files its own)
        assertThatThrownBy(() -> mz.catalog().file(byScjgj(new CatalogChange.RemoveItem("ZJ001"))))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_OWNER));
        // unknown item, unknown material
        assertThatThrownBy(() -> mz.catalog().file(byScjgj(new CatalogChange.RemoveItem("NOPE"))))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ITEM));
        assertThatThrownBy(() -> mz.catalog().file(byScjgj(new CatalogChange.RemoveMaterial("SC001", "NOPE"))))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_REFERENCE));
        // data call for data that cannot be verified online
        assertThatThrownBy(() -> mz.catalog().file(byScjgj(new CatalogChange.ChangeExemption("SC001", "XL",
                new Exemption(RetrievalMode.DATA_VERIFY, List.of("cityhub"))))))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
                    assertThat(e.jsonPath()).isEqualTo("$.changes[0].materials[7].exemption.mode");
                });
        // atomic: first change valid, second not → nothing applied
        assertThatThrownBy(() -> mz.catalog().file(byScjgj(new CatalogChange.ChangeExemption("SC001", "ZSZM", Exemption.NONE),
                new CatalogChange.RemoveItem("ZJ001")))).isInstanceOf(CatalogException.class);
        assertThat(mz.catalog().plan("SC001").material("ZSZM").orElseThrow().decision()).isEqualTo(MaterialDecision.DIRECTED);
        assertThat(mz.catalog().version()).isEqualTo(v);
        assertThat(store.loadAll()).hasSize(1);
    }

    @Test
    void onlyACatalogAdminOfTheFilingDepartmentMayFile() {
        FilingRequest byClerk = new FilingRequest("SCJGJ", "clerk1", "r", "b", List.of(new CatalogChange.ChangeExemption("SC001", "ZSZM", Exemption.NONE)));
        assertThatThrownBy(() -> mz.catalog().file(byClerk))
                .isInstanceOfSatisfying(org.mianzheng.api.AccessDeniedException.class,
                        e -> assertThat(e.kind()).isEqualTo(org.mianzheng.api.ViolationKind.WRONG_ROLE));
        mz.accounts().register("zjj-admin", "x", "ZJJ", null, java.util.Set.of(org.mianzheng.api.Role.CATALOG_ADMIN), "admin1", "bureau");
        FilingRequest otherDepartment = new FilingRequest("SCJGJ", "zjj-admin", "r", "b",
                List.of(new CatalogChange.ChangeExemption("SC001", "ZSZM", Exemption.NONE)));
        assertThatThrownBy(() -> mz.catalog().file(otherDepartment)).isInstanceOf(org.mianzheng.api.AccessDeniedException.class);
        assertThat(mz.catalog().version()).isEqualTo(1);
        assertThat(mz.violations()).extracting(v -> v.kind()).containsExactly(org.mianzheng.api.ViolationKind.WRONG_ROLE,
                org.mianzheng.api.ViolationKind.WRONG_ROLE);
    }

    @Test
    void filingsAreAudited() {
        clock.advance(Duration.ofMinutes(1));
        mz.catalog().file(byScjgj(new CatalogChange.ChangeExemption("SC001", "ZSZM", Exemption.NONE)));
        var events = mz.audit().read(1, 100, "sup", "test");
        assertThat(events).filteredOn(e -> e.type() == org.mianzheng.api.AuditType.CATALOG_FILED)
                .extracting(e -> e.detail().get("sequence")).containsExactly("1", "2");
    }

    @Test
    void materialWithoutLegalBasisCannotEvenBeExpressed() {
        assertThatThrownBy(() -> new MaterialRequirement("X", "x", MaterialKind.CERTIFICATION, null,
                new Issuer("ZJJ", "x", true, true), null, Exemption.NONE, null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("Art. 11(2)");
    }

    @Test
    void aBadFileNeverReplacesAGoodCatalog() {
        assertThatThrownBy(() -> CatalogJson.parse(Fixtures.CATALOG.replace("\"ZJJ\", \"name\"", "\"ZJJ\" \"name\"")))
                .isInstanceOf(CatalogException.class);
        assertThat(mz.catalog().version()).isEqualTo(1);
        assertThat(mz.catalog().plan("ZJ001")).isNotNull();
    }

    @Test
    void storeFailureLeavesTheCatalogUnchanged() {
        CatalogStore failing = new CatalogStore() {
            @Override
            public List<CatalogFiling> loadAll() {
                return List.of();
            }

            @Override
            public void append(CatalogFiling filing) {
                throw new IllegalStateException("disk full");
            }
        };
        Mianzheng m = Mianzheng.builder().clock(clock).catalogStore(failing).build();
        assertThatThrownBy(() -> m.catalog().file(Fixtures.load()))
                .isInstanceOfSatisfying(org.mianzheng.api.AdapterException.class, e -> assertThat(e.adapterId()).contains(failing.getClass().getName()));
        assertThat(m.catalog().version()).isZero();
    }

    @Test
    void restartReplaysTheStore() {
        clock.advance(Duration.ofMinutes(1));
        mz.catalog().file(byScjgj(new CatalogChange.ChangeExemption("SC001", "ZSZM", Exemption.NONE)));
        Mianzheng restarted = Mianzheng.builder().clock(clock).catalogStore(store).build();
        assertThat(restarted.catalog().version()).isEqualTo(2);
        assertThat(restarted.catalog().history()).isEqualTo(mz.catalog().history());
        assertThat(restarted.catalog().plan("SC001", T0).material("ZSZM").orElseThrow().decision()).isEqualTo(MaterialDecision.DIRECTED);
        assertThat(restarted.catalog().plan("SC001").material("ZSZM").orElseThrow().decision()).isEqualTo(MaterialDecision.MUST_SUBMIT);
    }

    @Test
    void corruptStoreIsReportedAtStartUp() {
        CatalogStore gap = new CatalogStore() {
            @Override
            public List<CatalogFiling> loadAll() {
                CatalogFiling first = store.loadAll().get(0);
                return List.of(new CatalogFiling(2, first.filedAt(), first.departmentCode(), first.operatorId(), first.reason(),
                        first.legalBasis(), first.changes()));
            }

            @Override
            public void append(CatalogFiling filing) {
            }
        };
        assertThatThrownBy(() -> Mianzheng.builder().catalogStore(gap).build()).isInstanceOf(StoreException.class);
    }

    @Test
    void builderSettersAreSetOnce() {
        assertThatThrownBy(() -> Mianzheng.builder().clock(clock).clock(clock)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Mianzheng.builder().catalogStore(null)).isInstanceOf(InvalidValueException.class);
    }
}
