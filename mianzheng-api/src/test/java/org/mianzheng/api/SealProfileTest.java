package org.mianzheng.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SealProfileTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};

    @Test
    void defaultIsTheSealOfArticle13() {
        SealProfile d = SealProfile.defaultProfile();
        assertThat(d.name()).isEqualTo("乌海市证照数据共享查询核验专用章");
        assertThat(d.id()).isEqualTo("default");
        assertThat(d.isImage()).isFalse();
        assertThat(d.diameterMm()).isEqualTo(42.0);
    }

    @Test
    void pngIsCopiedAndComparedByContent() {
        byte[] png = PNG.clone();
        SealProfile a = SealProfile.image("scan", "章", png, 40);
        png[9] = 9;
        assertThat(a.png()[9]).isZero();
        a.png()[9] = 7;
        assertThat(a.png()[9]).isZero();
        assertThat(a).isEqualTo(SealProfile.image("scan", "章", PNG, 40)).hasSameHashCodeAs(SealProfile.image("scan", "章", PNG, 40));
        assertThat(a.toString()).contains("png 10 bytes");
    }

    @Test
    void invalidProfilesAreRefused() {
        assertThatThrownBy(() -> SealProfile.drawn("id", " ", 0xE60012, 42, null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> SealProfile.drawn("id", "章".repeat(31), 0xE60012, 42, null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> SealProfile.drawn("id", "章", 0xFFE60012, 42, null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> SealProfile.drawn("id", "章", 0xE60012, 10, null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> SealProfile.drawn("id", "章", 0xE60012, Double.NaN, null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> SealProfile.drawn("bad id", "章", 0xE60012, 42, null)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> SealProfile.drawn("id", "章\n", 0xE60012, 42, "x\u0000")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> SealProfile.image("id", "章", new byte[]{1, 2, 3}, 42)).isInstanceOf(InvalidValueException.class);
        assertThat(SealProfile.drawn("id", "章", 0xE60012, 42, "  ").textUnderStar()).isNull();
    }

    @Test
    void voucherRecordValidatesItsDigest() {
        VoucherNumber v = VoucherNumber.of("WH", java.time.LocalDate.of(2026, 11, 25), 1);
        VoucherRecord r = new VoucherRecord(v, Instant.EPOCH, "AB".repeat(32), "BIZ-1");
        assertThat(r.sha256Hex()).isEqualTo("ab".repeat(32));
        assertThatThrownBy(() -> new VoucherRecord(v, Instant.EPOCH, "ab", "BIZ-1")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new VoucherRecord(v, Instant.EPOCH, "zz".repeat(32), "BIZ-1")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new VoucherRecord(v, Instant.EPOCH, "ab".repeat(32), "BIZ 1")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void signingExceptionNamesItsProvider() {
        SigningException e = new SigningException("hsm", "token removed");
        assertThat(e.providerId()).isEqualTo("hsm");
        assertThat(e.getMessage()).isEqualTo("signing provider hsm: token removed");
        assertThat(new SigningException(null, "x").getMessage()).isEqualTo("x");
        assertThat(new ReceiptException("r")).isInstanceOf(MianzhengException.class);
    }
}
