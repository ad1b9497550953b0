package org.mianzheng.seal.verify;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mianzheng.api.VoucherNumber;

/**
 * What {@link ReceiptVerifier#verify} found: one {@link CheckResult} per {@link Check}, in the enum's order, plus what
 * the receipt claims. Immutable.
 */
public final class VerificationReport {
    private final Map<Check, CheckResult> results;
    private final VoucherNumber voucher;
    private final String signer;
    private final Instant claimedSigningTime;
    private final Instant timestampTime;

    VerificationReport(Map<Check, CheckResult> results, VoucherNumber voucher, String signer, Instant claimedSigningTime, Instant timestampTime) {
        EnumMap<Check, CheckResult> copy = new EnumMap<>(Check.class);
        copy.putAll(results);
        for (Check c : Check.values()) {
            if (!copy.containsKey(c)) {
                throw new IllegalStateException("check " + c + " missing from the report");
            }
        }
        this.results = copy;
        this.voucher = voucher;
        this.signer = signer;
        this.claimedSigningTime = claimedSigningTime;
        this.timestampTime = timestampTime;
    }

    /** @return every check's result, in {@link Check} order */
    public List<CheckResult> checks() {
        return List.copyOf(results.values());
    }

    /**
     * @param check a check
     * @return its result
     */
    public CheckResult result(Check check) {
        return results.get(check);
    }

    /** @return the checks that failed */
    public List<Check> failures() {
        return results.values().stream().filter(r -> r.status() == CheckResult.Status.FAILED).map(CheckResult::check)
                .collect(Collectors.toUnmodifiableList());
    }

    /** @return whether no check failed (skipped checks do not count against the receipt) */
    public boolean valid() {
        return failures().isEmpty();
    }

    /** @return the voucher number the document carries, if readable */
    public Optional<VoucherNumber> voucher() {
        return Optional.ofNullable(voucher);
    }

    /** @return the signer certificate's subject, if a signature was found */
    public Optional<String> signer() {
        return Optional.ofNullable(signer);
    }

    /** @return the signing time claimed in the signature dictionary ({@code /M}); not proof of time */
    public Optional<Instant> claimedSigningTime() {
        return Optional.ofNullable(claimedSigningTime);
    }

    /** @return the time of a valid signature time-stamp (B-T) */
    public Optional<Instant> timestampTime() {
        return Optional.ofNullable(timestampTime);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("VerificationReport[").append(valid() ? "valid" : "INVALID");
        if (voucher != null) {
            sb.append(", voucher ").append(voucher);
        }
        for (CheckResult r : results.values()) {
            sb.append("\n  ").append(r);
        }
        return sb.append(']').toString();
    }
}
