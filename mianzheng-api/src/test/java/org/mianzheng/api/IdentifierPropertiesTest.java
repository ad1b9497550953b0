package org.mianzheng.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Generate valid identifiers, mutate one character: always rejected. */
class IdentifierPropertiesTest {

    @Provide
    Arbitrary<String> residentIds() {
        return Arbitraries.strings().numeric().ofLength(17).map(s -> s + CheckCharacters.residentIdentityCheck(s));
    }

    @Provide
    Arbitrary<String> creditCodes() {
        return Arbitraries.strings().withChars(CheckCharacters.USCC_ALPHABET.toCharArray()).ofLength(17)
                .map(s -> s + CheckCharacters.creditCodeCheck(s));
    }

    @Provide
    Arbitrary<LicenseIdentifier> licenseIds() {
        Arbitrary<String> seg = Arbitraries.strings().withChars(CheckCharacters.MOD37_36_ALPHABET.toCharArray()).ofMinLength(1).ofMaxLength(24);
        return Combinators.combine(seg, creditCodes(), seg, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3))
                .as(LicenseIdentifier::of);
    }

    @Property
    void validResidentIdsAreAccepted(@ForAll("residentIds") String id) {
        assertThat(HolderId.resident(id).value()).isEqualTo(id);
    }

    @Property
    void residentIdWithOneCharacterChangedIsRejected(@ForAll("residentIds") String id, @ForAll @IntRange(min = 0, max = 17) int pos,
                                                     @ForAll @IntRange(min = 1, max = 10) int delta) {
        String alphabet = pos == 17 ? "0123456789X" : "0123456789";
        int i = alphabet.indexOf(id.charAt(pos));
        char replacement = alphabet.charAt((i + delta) % alphabet.length());
        if (replacement == id.charAt(pos)) {
            return;
        }
        String mutated = id.substring(0, pos) + replacement + id.substring(pos + 1);
        assertThatThrownBy(() -> HolderId.resident(mutated)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Property
    void validCreditCodesAreAccepted(@ForAll("creditCodes") String code) {
        assertThat(HolderId.creditCode(code).value()).isEqualTo(code);
    }

    @Property
    void creditCodeWithOneCharacterChangedIsRejected(@ForAll("creditCodes") String code, @ForAll @IntRange(min = 0, max = 17) int pos,
                                                     @ForAll @IntRange(min = 1, max = 35) int delta) {
        // replacement drawn from 0-9A-Z: either outside the USCC alphabet (CHARACTER) or a wrong check (CHECK_CHARACTER)
        String all = CheckCharacters.MOD37_36_ALPHABET;
        char replacement = all.charAt((all.indexOf(code.charAt(pos)) + delta) % all.length());
        String mutated = code.substring(0, pos) + replacement + code.substring(pos + 1);
        assertThatThrownBy(() -> HolderId.creditCode(mutated)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Property
    void licenseIdentifiersRoundTrip(@ForAll("licenseIds") LicenseIdentifier id) {
        assertThat(LicenseIdentifier.parse(id.format())).isEqualTo(id);
    }

    @Property
    void licenseIdentifierWithOneCharacterChangedIsRejected(@ForAll("licenseIds") LicenseIdentifier id, @ForAll @IntRange(min = 0, max = 200) int at,
                                                            @ForAll @IntRange(min = 1, max = 35) int delta) {
        String text = id.format();
        int start = LicenseIdentifier.ROOT.length() + 1;
        int pos = start + at % (text.length() - start);
        if (text.charAt(pos) == '.') {
            return;
        }
        String all = CheckCharacters.MOD37_36_ALPHABET;
        char replacement = all.charAt((all.indexOf(text.charAt(pos)) + delta) % all.length());
        String mutated = text.substring(0, pos) + replacement + text.substring(pos + 1);
        assertThatThrownBy(() -> LicenseIdentifier.parse(mutated)).isInstanceOf(InvalidIdentifierException.class);
    }
}
