package org.mianzheng.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UpperChars;
import org.junit.jupiter.api.Test;

class VoucherNumberTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    @Test
    void formatIsPrefixDateSequenceAndCheck() {
        VoucherNumber v = VoucherNumber.of("WH", DAY, 42);
        assertThat(v.format()).hasSize(2 + 8 + 6 + 1).startsWith("WH20261125000042");
        assertThat(v.check()).isEqualTo(CheckCharacters.mod37_36(IdentifierKind.VOUCHER_NUMBER, "WH20261125000042"));
        assertThat(VoucherNumber.parse(v.format())).isEqualTo(v);
        assertThat(v.toString()).isEqualTo(v.format());
    }

    @Test
    void longSequencesGrowBeyondSixDigits() {
        VoucherNumber v = VoucherNumber.of("WH", DAY, 1_234_567);
        assertThat(v.format()).startsWith("WH202611251234567");
        assertThat(VoucherNumber.parse(v.format()).sequence()).isEqualTo(1_234_567);
    }

    @Property(tries = 200)
    void roundTrips(@ForAll @UpperChars @StringLength(min = 1, max = 10) String prefix,
                    @ForAll @LongRange(min = 1, max = 999_999_999_999L) long seq) {
        VoucherNumber v = VoucherNumber.of(prefix, DAY.plusDays(seq % 4000), seq);
        assertThat(VoucherNumber.parse(v.format())).isEqualTo(v);
        assertThat(VoucherNumber.isValid(v.format())).isTrue();
    }

    @Property(tries = 200)
    void everySingleCharacterChangeIsCaught(@ForAll @LongRange(min = 1, max = 999_999) long seq,
                                            @ForAll @LongRange(min = 0, max = 16) long pos,
                                            @ForAll @AlphaChars char replacement) {
        String s = VoucherNumber.of("WH", DAY, seq).format();
        int i = (int) pos;
        char r = Character.toUpperCase(replacement);
        if (s.charAt(i) == r) {
            return;
        }
        String changed = s.substring(0, i) + r + s.substring(i + 1);
        assertThat(VoucherNumber.isValid(changed)).as(changed).isFalse();
    }

    @Test
    void errorsNameTheVoucherNumberAndTheProblem() {
        String good = VoucherNumber.of("WH", DAY, 1).format();
        char wrong = good.charAt(good.length() - 1) == '0' ? '1' : '0';
        expect(good.substring(0, good.length() - 1) + wrong, InvalidIdentifierException.Problem.CHECK_CHARACTER);
        expect("", InvalidIdentifierException.Problem.EMPTY);
        expect(null, InvalidIdentifierException.Problem.EMPTY);
        expect("20261125000001K", InvalidIdentifierException.Problem.FORMAT);
        expect("wh20261125000001K", InvalidIdentifierException.Problem.FORMAT);
        expect("WH2026112500001K", InvalidIdentifierException.Problem.LENGTH);
        expect("WH20261325000001K", InvalidIdentifierException.Problem.FORMAT);
        expect("WH2026112500000A1K", InvalidIdentifierException.Problem.CHARACTER);
        expect("WH202611250000001K", InvalidIdentifierException.Problem.FORMAT);
        expect("WH20261125000001*", InvalidIdentifierException.Problem.CHARACTER);
        expect("ABCDEFGHIJK20261125000001K", InvalidIdentifierException.Problem.LENGTH);
        assertThatThrownBy(() -> VoucherNumber.of("WH", DAY, 0)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> VoucherNumber.of("W1", DAY, 1)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> VoucherNumber.of("WH", null, 1)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> new VoucherNumber("WH", DAY, 1, '#')).isInstanceOf(InvalidIdentifierException.class);
    }

    private static void expect(String text, InvalidIdentifierException.Problem problem) {
        assertThatThrownBy(() -> VoucherNumber.parse(text)).isInstanceOf(InvalidIdentifierException.class)
                .satisfies(e -> {
                    InvalidIdentifierException ie = (InvalidIdentifierException) e;
                    assertThat(ie.kind()).isEqualTo(IdentifierKind.VOUCHER_NUMBER);
                    assertThat(ie.problem()).as(text).isEqualTo(problem);
                    assertThat(ie.getMessage()).contains("voucher number");
                });
    }
}
