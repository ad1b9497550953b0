package org.mianzheng.seal;

import java.time.Instant;
import org.mianzheng.api.Codes;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.VoucherNumber;

/**
 * One use of a seal: a receipt was sealed. Reported to the {@link SealUseListener} before the receipt is handed out.
 *
 * @param operatorId    the operator for whom the receipt was issued
 * @param bizNo         the case
 * @param voucher       the receipt's voucher number
 * @param sealProfileId the seal profile used
 * @param at            when
 */
public record SealUse(String operatorId, String bizNo, VoucherNumber voucher, String sealProfileId, Instant at) {
    /** Validating constructor. */
    public SealUse {
        operatorId = Codes.require(operatorId, "sealUse.operatorId");
        bizNo = Codes.require(bizNo, "sealUse.bizNo");
        InvalidValueException.requireNonNull(voucher, "sealUse.voucher");
        sealProfileId = Codes.require(sealProfileId, "sealUse.sealProfileId");
        InvalidValueException.requireNonNull(at, "sealUse.at");
    }
}
