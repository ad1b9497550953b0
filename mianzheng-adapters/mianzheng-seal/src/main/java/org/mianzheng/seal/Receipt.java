package org.mianzheng.seal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.mianzheng.api.Codes;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.VoucherNumber;
import org.mianzheng.seal.pades.PadesLevel;

/**
 * An issued receipt: the signed PDF and what identifies it.
 *
 * @param voucher       the voucher number printed on it and registered
 * @param issuedAt      the issue time printed on it
 * @param bizNo         the case
 * @param sealProfileId the seal used
 * @param level         the PAdES level of its signature
 * @param pdf           the signed PDF/A-2b document (copied defensively)
 * @param sha256Hex     SHA-256 of {@code pdf}, as registered
 */
public record Receipt(VoucherNumber voucher, Instant issuedAt, String bizNo, String sealProfileId, PadesLevel level, byte[] pdf,
                      String sha256Hex) {
    /** Validating constructor; copies the PDF. */
    public Receipt {
        InvalidValueException.requireNonNull(voucher, "receipt.voucher");
        InvalidValueException.requireNonNull(issuedAt, "receipt.issuedAt");
        bizNo = Codes.require(bizNo, "receipt.bizNo");
        sealProfileId = Codes.require(sealProfileId, "receipt.sealProfileId");
        InvalidValueException.requireNonNull(level, "receipt.level");
        pdf = InvalidValueException.requireNonNull(pdf, "receipt.pdf").clone();
        InvalidValueException.requireText(sha256Hex, "receipt.sha256Hex");
    }

    /** @return a copy of the signed PDF */
    @Override
    public byte[] pdf() {
        return pdf.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Receipt)) {
            return false;
        }
        Receipt r = (Receipt) o;
        return voucher.equals(r.voucher) && issuedAt.equals(r.issuedAt) && bizNo.equals(r.bizNo) && sealProfileId.equals(r.sealProfileId)
                && level == r.level && Arrays.equals(pdf, r.pdf) && sha256Hex.equals(r.sha256Hex);
    }

    @Override
    public int hashCode() {
        return Objects.hash(voucher, issuedAt, bizNo, sealProfileId, level, sha256Hex);
    }

    @Override
    public String toString() {
        return "Receipt[" + voucher + ", " + issuedAt + ", " + bizNo + ", seal " + sealProfileId + ", " + level + ", " + pdf.length
                + " bytes, sha256 " + sha256Hex + "]";
    }
}
