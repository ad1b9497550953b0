package org.mianzheng.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierKnownCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440524188001010014", "110101199003074477"})
    void realResidentIdentityNumbersAreValid(String id) {
        assertThat(HolderId.resident(id).value()).isEqualTo(id);
    }

    @Test
    void lowercaseXIsAcceptedAndNormalised() {
        assertThat(HolderId.resident("11010519491231002x").value()).isEqualTo("11010519491231002X");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91110000802100433B", "11150300MB14571840", "91350100M000100Y43"})
    void realCreditCodesAreValid(String code) {
        assertThat(HolderId.creditCode(code).value()).isEqualTo(code);
    }

    @Test
    void mod37_36MatchesThePublishedIsoExample() {
        // ISO/IEC 7064 MOD 37,36 example used by the Global Release Identifier: A12425GABC1234002M
        assertThat(CheckCharacters.mod37_36(IdentifierKind.VOUCHER_NUMBER, "A12425GABC1234002")).isEqualTo('M');
    }

    @Test
    void wrongCheckCharacterIsNamedAndMasked() {
        assertThatThrownBy(() -> HolderId.resident("110105194912310021"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IdentifierKind.RESIDENT_IDENTITY_NUMBER);
                    assertThat(e.problem()).isEqualTo(InvalidIdentifierException.Problem.CHECK_CHARACTER);
                    assertThat(e.maskedValue()).isEqualTo("110***********0021");
                    assertThat(e.getMessage()).contains("resident identity number").contains("check character")
                            .doesNotContain("110105194912310021").doesNotContain("19491231");
                });
    }

    @Test
    void wrongLengthAndBadCharacters() {
        assertThatThrownBy(() -> HolderId.resident("1101051949123100"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidIdentifierException.Problem.LENGTH));
        assertThatThrownBy(() -> HolderId.resident("1101051949A231002X"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidIdentifierException.Problem.CHARACTER));
        assertThatThrownBy(() -> HolderId.creditCode("91110000802100433I")) // I is not in the alphabet
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IdentifierKind.UNIFIED_SOCIAL_CREDIT_CODE);
                    assertThat(e.problem()).isEqualTo(InvalidIdentifierException.Problem.CHARACTER);
                });
        assertThatThrownBy(() -> HolderId.creditCode("91110000802100433A"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidIdentifierException.Problem.CHECK_CHARACTER));
        assertThatThrownBy(() -> HolderId.creditCode("   "))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidIdentifierException.Problem.EMPTY));
        assertThatThrownBy(() -> HolderId.resident(null)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void otherIdsAreNotCheckDigitValidatedButAreSanitised() {
        assertThat(HolderId.other("E12345678").value()).isEqualTo("E12345678");
        assertThatThrownBy(() -> HolderId.other("E1234<script>"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IdentifierKind.OTHER_HOLDER_ID);
                    assertThat(e.problem()).isEqualTo(InvalidIdentifierException.Problem.CHARACTER);
                });
    }

    @Test
    void holderToStringNeverShowsTheIdentityNumberOrName() {
        Holder h = Holder.person("11010519491231002X", "张三丰");
        assertThat(h.toString()).doesNotContain("11010519491231002X").doesNotContain("张三丰").contains("110***********002X");
        assertThat(h.id().toString()).isEqualTo("111:110***********002X");
    }

    @Test
    void holderKindMustMatchTheIdType() {
        assertThatThrownBy(() -> new Holder(HolderKind.ORGANISATION, HolderId.resident("11010519491231002X"), "x"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Holder(HolderKind.PERSON, HolderId.creditCode("91110000802100433B"), "x"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void licenseIdentifierRoundTrip() {
        LicenseIdentifier id = LicenseIdentifier.of("11100000000013338W001", "11150300MB14571840", "0001", "001");
        String text = id.format();
        assertThat(text).startsWith("1.2.156.3005.2.11100000000013338W001.11150300MB14571840.0001.001.");
        assertThat(LicenseIdentifier.parse(text)).isEqualTo(id);
        assertThat(id.check()).isEqualTo(CheckCharacters.mod37_36(IdentifierKind.LICENSE_IDENTIFIER,
                "11100000000013338W00111150300MB145718400001001"));
    }

    @Test
    void licenseIdentifierErrors() {
        String good = LicenseIdentifier.of("11100000000013338W001", "11150300MB14571840", "0001", "001").format();
        char check = good.charAt(good.length() - 1);
        char wrong = check == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> LicenseIdentifier.parse(good.substring(0, good.length() - 1) + wrong))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IdentifierKind.LICENSE_IDENTIFIER);
                    assertThat(e.problem()).isEqualTo(InvalidIdentifierException.Problem.CHECK_CHARACTER);
                });
        assertThatThrownBy(() -> LicenseIdentifier.parse("1.2.156.3005.9.A.B.C.D.E"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidIdentifierException.Problem.FORMAT));
        assertThatThrownBy(() -> LicenseIdentifier.parse(LicenseIdentifier.ROOT + ".A.B.C"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidIdentifierException.Problem.FORMAT));
        assertThatThrownBy(() -> LicenseIdentifier.parse(good.replace(".0001.", ".00a1.")))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidIdentifierException.Problem.CHARACTER));
        assertThatThrownBy(() -> LicenseIdentifier.parse(good.replace("11150300MB14571840", "11150300MB14571841")))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> LicenseIdentifier.parse(LicenseIdentifier.ROOT + "." + "A".repeat(10_000)))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidIdentifierException.Problem.LENGTH));
    }

    @Test
    void maskingRules() {
        assertThat(Masking.mask("11010519491231002X")).isEqualTo("110***********002X");
        assertThat(Masking.mask("1234567")).isEqualTo("******7");
        assertThat(Masking.mask(null)).isEqualTo("<null>");
        assertThat(Masking.mask("abc\ndefghij")).doesNotContain("\n");
    }
}
