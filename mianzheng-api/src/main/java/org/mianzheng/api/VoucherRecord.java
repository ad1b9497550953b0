package org.mianzheng.api;

import java.time.Instant;
import java.util.Locale;

/**
 * What the issuing system remembers about a voucher number it issued: when, for which case, and the SHA-256 digest
 * of the exact receipt bytes handed out. Lets anyone holding a receipt ask "is this voucher ours, when was it issued,
 * and is this the very document?".
 *
 * @param voucher   the voucher number
 * @param issuedAt  the issue time printed on the receipt
 * @param sha256Hex SHA-256 of the signed PDF, 64 lowercase hexadecimal characters
 * @param bizNo     the case (业务流水号) the receipt belongs to
 */
public record VoucherRecord(VoucherNumber voucher, Instant issuedAt, String sha256Hex, String bizNo) {
    /** Validating constructor; the digest is normalised to lowercase. */
    public VoucherRecord {
        InvalidValueException.requireNonNull(voucher, "voucherRecord.voucher");
        InvalidValueException.requireNonNull(issuedAt, "voucherRecord.issuedAt");
        if (sha256Hex == null || sha256Hex.length() != 64) {
            throw new InvalidValueException("voucherRecord.sha256Hex", "must be 64 hexadecimal characters");
        }
        sha256Hex = sha256Hex.toLowerCase(Locale.ROOT);
        for (int i = 0; i < 64; i++) {
            char c = sha256Hex.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new InvalidValueException("voucherRecord.sha256Hex", "position " + (i + 1) + " is not hexadecimal");
            }
        }
        bizNo = Codes.require(bizNo, "voucherRecord.bizNo");
    }
}
