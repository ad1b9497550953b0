package org.mianzheng.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {
    static final Issuer CITY = new Issuer("SCJGJ", "市市场监督管理局", true, true);

    /** The check audit records make of their text, and what it leaves alone. */
    @Test
    void storableTextHasNoNulAndNoHalfOfASurrogatePair() {
        assertThatThrownBy(() -> InvalidValueException.requireStorable("张\u0000三", "holder.name")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("holder.name").hasMessageContaining("NUL character at 1");
        assertThatThrownBy(() -> InvalidValueException.requireStorable("张\uD840", "x")).hasMessageContaining("unpaired surrogate at 1");
        assertThat(InvalidValueException.requireStorable("𠀀三", "x")).as("a pair is a character").isEqualTo("𠀀三");
        assertThat(InvalidValueException.requireStorable(null, "x")).isNull();
        assertThat(InvalidValueException.replaceUnstorable("E\uD800\u0000x𠀀")).isEqualTo("E\uFFFD\uFFFDx𠀀");
        assertThat(InvalidValueException.replaceUnstorable(null)).isNull();
    }

    @Test
    void identityNumbersTypedIntoAuditDetailAreMaskedAndDigestsAreLeftAlone() {
        String id = "11010519491231002X";
        String digest = "110105194912310021" + "ab".repeat(23); // 64 hex characters that begin with 18 digits
        AuditRecord r = new AuditRecord(AuditType.WORK_ORDER, "verifier-gaj", "B1", null, Map.of("reason", "申请人张三（" + id + "）的批复不在本单位",
                "resultSha256", digest, "note", "no number here"));
        assertThat(r.detail().get("reason")).isEqualTo("申请人张三（" + Masking.mask(id) + "）的批复不在本单位").doesNotContain("19491231");
        assertThat(r.detail().get("resultSha256")).isEqualTo(digest);
        assertThat(r.detail().get("note")).isEqualTo("no number here");
        assertThat(Masking.maskIdentityNumbersIn("ID " + id.toLowerCase() + ".")).doesNotContain("19491231");
        assertThat(Masking.maskIdentityNumbersIn("110105194912310020")).isEqualTo("110105194912310020"); // wrong check character
        assertThat(Masking.maskIdentityNumbersIn(null)).isNull();
    }

    @Test
    void materialWithoutLegalBasisIsRefused() {
        assertThatThrownBy(() -> new MaterialRequirement("M1", "营业执照", MaterialKind.ELECTRONIC_LICENSE, "LT1", CITY, "  ",
                Exemption.dataCall(), null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("material.legalBasis");
                    assertThat(e.getMessage()).contains("Art. 11(2)");
                });
    }

    @Test
    void exemptionChannelRules() {
        assertThatThrownBy(() -> new Exemption(RetrievalMode.DATA_CALL, List.of())).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Exemption(RetrievalMode.DIRECTED, List.of("cityhub"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Exemption(RetrievalMode.DATA_CALL, List.of("cityhub", "cityhub"))).isInstanceOf(InvalidValueException.class);
        assertThat(Exemption.dataCall().channels()).containsExactly("onewindow", "cityhub");
    }

    @Test
    void itemRefusesDuplicateMaterialCodesAndCopiesLists() {
        MaterialRequirement m = new MaterialRequirement("M1", "营业执照", MaterialKind.ELECTRONIC_LICENSE, "LT1", CITY, "《市场主体登记管理条例》",
                Exemption.dataCall(), null);
        assertThatThrownBy(() -> new ServiceItem("I1", "x", "SCJGJ", AdminLevel.CITY, Handling.IMMEDIATE, ReviewLevel.CITY, List.of(m, m)))
                .isInstanceOf(InvalidValueException.class);
        java.util.ArrayList<MaterialRequirement> ms = new java.util.ArrayList<>(List.of(m));
        ServiceItem it = new ServiceItem("I1", "x", "SCJGJ", AdminLevel.CITY, Handling.IMMEDIATE, ReviewLevel.CITY, ms);
        ms.clear();
        assertThat(it.materials()).hasSize(1);
    }

    @Test
    void caseCopiesDeclaredDataAndHidesItInToString() {
        Map<String, String> fields = new HashMap<>(Map.of("name", "张三丰"));
        Map<String, Map<String, String>> declared = new HashMap<>(Map.of("M1", fields));
        Case c = new Case("B1", "I1", Holder.person("11010519491231002X", "张三丰"), declared, "W1", "op1", Instant.EPOCH);
        fields.put("name", "changed");
        declared.clear();
        assertThat(c.declaredFor("M1")).containsEntry("name", "张三丰");
        assertThat(c.toString()).doesNotContain("11010519491231002X").doesNotContain("张三丰");
    }

    @Test
    void codesRejectHostileStrings() {
        assertThatThrownBy(() -> Codes.require("a\u0000b", "bizNo")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> Codes.require("x".repeat(65), "bizNo")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> Codes.require("<a>", "bizNo")).isInstanceOf(InvalidIdentifierException.class);
        assertThat(Codes.require(" B-2026.001_x ", "bizNo")).isEqualTo("B-2026.001_x");
    }

    @Test
    void materialPlanFieldsMatchTheDecision() {
        MaterialRequirement m = new MaterialRequirement("M1", "营业执照", MaterialKind.ELECTRONIC_LICENSE, "LT1", CITY, "basis",
                Exemption.dataCall(), null);
        assertThatThrownBy(() -> new MaterialPlan(m, MaterialDecision.EXEMPT, RetrievalMode.DATA_CALL, List.of(), null, null))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new MaterialPlan(m, MaterialDecision.MUST_SUBMIT, RetrievalMode.NONE, List.of(), null, null))
                .isInstanceOf(InvalidValueException.class);
        assertThat(new MaterialPlan(m, MaterialDecision.MUST_SUBMIT, RetrievalMode.NONE, List.of(), null, MustSubmitReason.NOT_IN_CATALOG)
                .article()).isEqualTo("Art. 16");
    }
}
