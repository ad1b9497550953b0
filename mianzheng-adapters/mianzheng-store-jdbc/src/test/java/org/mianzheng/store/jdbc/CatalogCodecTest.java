package org.mianzheng.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AdminLevel;
import org.mianzheng.api.CatalogChange;
import org.mianzheng.api.CatalogDocument;
import org.mianzheng.api.Department;
import org.mianzheng.api.Exemption;
import org.mianzheng.api.Handling;
import org.mianzheng.api.Issuer;
import org.mianzheng.api.MaterialKind;
import org.mianzheng.api.MaterialRequirement;
import org.mianzheng.api.RetrievalMode;
import org.mianzheng.api.ReviewLevel;
import org.mianzheng.api.RiskCategory;
import org.mianzheng.api.ServiceItem;
import org.mianzheng.api.StoreException;
import org.mianzheng.core.catalog.CatalogJson;
import org.mianzheng.tck.StoreSamples;

/** {@link CatalogCodec}: faithful round trips, clear refusals. */
class CatalogCodecTest {
    @Test
    void everyChangeKindRoundTrips() {
        List<CatalogChange> changes = StoreSamples.everyChange();
        String json = CatalogCodec.writeChanges(changes);
        assertThat(CatalogCodec.readChanges(json)).isEqualTo(changes);
        assertThat(CatalogCodec.writeChanges(CatalogCodec.readChanges(json))).as("stable text").isEqualTo(json);
    }

    @Test
    void theDocumentedSampleCatalogRoundTrips() {
        CatalogDocument doc = CatalogJson.parse(EngineFixture.CATALOG);
        assertThat(CatalogCodec.readDocument(CatalogCodec.writeDocument(doc))).isEqualTo(doc);
        assertThat(CatalogCodec.readDocument(CatalogCodec.writeDocument(StoreSamples.document()))).isEqualTo(StoreSamples.document());
    }

    @Test
    void refusalsNameThePlace() {
        assertThatThrownBy(() -> CatalogCodec.readChanges("{")).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> CatalogCodec.readChanges("{}")).isInstanceOf(StoreException.class).hasMessageContaining("array");
        assertThatThrownBy(() -> CatalogCodec.readChanges("[{\"op\":\"DROP_ALL\"}]")).isInstanceOf(StoreException.class)
                .hasMessageContaining("$[0].op");
        assertThatThrownBy(() -> CatalogCodec.readChanges("[{\"op\":\"REMOVE_MATERIAL\",\"itemCode\":\"A\"}]")).isInstanceOf(StoreException.class)
                .hasMessageContaining("$[0].materialCode");
        assertThatThrownBy(() -> CatalogCodec.readChanges("[{\"op\":\"REMOVE_ITEM\",\"itemCode\":\"不是代码\"}]")).isInstanceOf(StoreException.class)
                .hasMessageContaining("$[0]");
        String doc = CatalogCodec.writeDocument(StoreSamples.document()).replace("\"HEALTH_LIFE_PROPERTY\"", "\"ALIENS\"");
        assertThatThrownBy(() -> CatalogCodec.readDocument(doc)).isInstanceOf(StoreException.class).hasMessageContaining("riskCategory");
    }

    @Property(tries = 200)
    void arbitraryItemsRoundTrip(@ForAll("items") ServiceItem item, @ForAll("texts") String reason) {
        List<CatalogChange> changes = new ArrayList<>();
        changes.add(new CatalogChange.AddItem(item));
        changes.add(new CatalogChange.PutDepartment(new Department("D-1", reason, AdminLevel.DISTRICT, null, "D.2")));
        for (MaterialRequirement m : item.materials()) {
            changes.add(new CatalogChange.ModifyMaterial(item.code(), m));
            changes.add(new CatalogChange.ChangeExemption(item.code(), m.code(), m.exemption()));
        }
        assertThat(CatalogCodec.readChanges(CatalogCodec.writeChanges(changes))).isEqualTo(changes);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank()).map(String::strip);
    }

    @Provide
    Arbitrary<ServiceItem> items() {
        Arbitrary<String> codes = Arbitraries.strings().withChars("ABCXYZ019_-.").ofMinLength(1).ofMaxLength(12);
        Arbitrary<MaterialRequirement> material = Combinators.combine(codes, texts(), texts(), Arbitraries.of(RiskCategory.class).injectNull(0.5),
                Arbitraries.integers().between(0, 3)).as((code, name, legal, risk, shape) -> {
                    switch (shape) {
                        case 0:
                            return new MaterialRequirement(code, name, MaterialKind.CERTIFICATION, null, new Issuer("GAJ", name, true, false), legal,
                                    new Exemption(RetrievalMode.DIRECTED, List.of()), risk);
                        case 1:
                            return new MaterialRequirement(code, name, MaterialKind.ELECTRONIC_LICENSE, "T1", new Issuer(null, name, false, true), legal,
                                    new Exemption(RetrievalMode.DATA_CALL, List.of("cityhub", "onewindow")), risk);
                        case 2:
                            return new MaterialRequirement(code, name, MaterialKind.FILE_APPROVAL, null, Issuer.APPLICANT, legal, null, risk);
                        default:
                            return new MaterialRequirement(code, name, MaterialKind.CERTIFICATION, null, new Issuer("ZJJ", name, true, true), legal,
                                    new Exemption(RetrievalMode.DATA_VERIFY, List.of("cityhub")), risk);
                    }
                });
        return Combinators.combine(codes, texts(), Arbitraries.of(Handling.class), Arbitraries.of(ReviewLevel.class),
                material.list().ofMaxSize(5).uniqueElements(MaterialRequirement::code))
                .as((code, name, handling, review, mats) -> new ServiceItem(code, name, "ZWFWJ", AdminLevel.CITY, handling, review, mats));
    }
}
