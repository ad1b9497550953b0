package org.mianzheng.api.spi;

import java.time.LocalDate;

/**
 * Hands out the sequence numbers of voucher numbers ({@link org.mianzheng.api.VoucherNumber}).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Uniqueness:</b> for one {@code (prefix, day)} a number is never handed out twice — not by this instance,
 *       and not by any other node that shares the same backing store. Numbers start at 1 and increase; gaps are
 *       allowed (a number taken for a receipt that then failed is not reused).</li>
 *   <li><b>Thread safety:</b> thread-safe.</li>
 *   <li><b>Blocking:</b> blocking; durable when {@link #next} returns (a restarted node never repeats a number).</li>
 *   <li><b>Failures:</b> {@link org.mianzheng.api.StoreException}; the engine turns any other exception into an
 *       {@link org.mianzheng.api.AdapterException}.</li>
 * </ul>
 */
public interface VoucherSequence {

    /**
     * @param prefix the voucher prefix ({@code A-Z})
     * @param day    the issue date
     * @return the next unused sequence number for that prefix and day, {@code >= 1}
     * @throws org.mianzheng.api.StoreException if no number could be reserved durably
     */
    long next(String prefix, LocalDate day);
}
