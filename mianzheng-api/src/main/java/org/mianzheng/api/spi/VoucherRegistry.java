package org.mianzheng.api.spi;

import java.util.Optional;
import org.mianzheng.api.VoucherNumber;
import org.mianzheng.api.VoucherRecord;

/**
 * Remembers every voucher number issued, with its issue time, case and the SHA-256 digest of the receipt handed out,
 * so that a receipt can later be recognised as "ours" and as the very document issued.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Thread safety:</b> thread-safe.</li>
 *   <li><b>Blocking:</b> blocking; {@link #register} is durable when it returns.</li>
 *   <li><b>Write once:</b> a voucher number is registered at most once; a second registration of the same number
 *       returns {@code false} and changes nothing.</li>
 *   <li><b>Failures:</b> {@link org.mianzheng.api.StoreException}; the engine turns any other exception, or a
 *       {@code null} answer, into an {@link org.mianzheng.api.AdapterException}.</li>
 * </ul>
 */
public interface VoucherRegistry {

    /**
     * @param record the issued voucher
     * @return {@code true} if registered, {@code false} if that voucher number was registered before
     * @throws org.mianzheng.api.StoreException if it could not be stored
     */
    boolean register(VoucherRecord record);

    /**
     * @param voucher a voucher number
     * @return its record, or empty if this system never issued it
     * @throws org.mianzheng.api.StoreException if the registry could not be read
     */
    Optional<VoucherRecord> lookup(VoucherNumber voucher);
}
