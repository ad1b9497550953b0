package org.mianzheng.core.internal;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.mianzheng.api.MianzhengException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a store holds after an optimistic write of a record's next version threw, rather than returning {@code true}
 * (written) or {@code false} (another writer came first). The act was recorded before the write (fail closed), so the
 * caller needs to know whether to take it back. Unsupported outside the engine.
 */
public final class FailedWrite {
    private static final Logger LOG = LoggerFactory.getLogger(FailedWrite.class);

    private FailedWrite() {
    }

    /**
     * Settles a recorded change whose write threw: if the store holds it, it is done; if the store holds the version
     * before, nothing was written, the act is taken back and the failure thrown; otherwise the outcome is not known, the
     * log keeps the act and the failure is thrown.
     *
     * @param failed      what the write threw
     * @param written     the version written
     * @param outcome     what the store shows now ({@link #outcome} or {@link #outcomeOfInsert})
     * @param takeBack    records that the act was not saved; returns why that failed, or {@code null}
     * @param record      the record and version, for the log (e.g. {@code order 42 version 3}; no personal data)
     * @param attemptedAt the sequence of the act's audit event, for the log
     * @param <T>         record type
     * @return {@code written}, if the store holds it
     * @throws MianzhengException {@code failed}, if the store does not hold it or cannot tell
     */
    public static <T> T settle(MianzhengException failed, T written, Supplier<Outcome> outcome, Supplier<RuntimeException> takeBack,
                               String record, long attemptedAt) {
        String cause = failed.getClass().getSimpleName();
        switch (outcome.get()) {
            case STORED -> {
                LOG.warn("{}: the store failed ({}) but holds it", record, cause);
                return written;
            }
            case NOT_STORED -> throw takenBack(failed, takeBack);
            default -> {
                LOG.warn("{}: the store failed ({}) and whether it holds it is not known; the audit log keeps event {}", record, cause,
                        attemptedAt);
                throw failed;
            }
        }
    }

    /**
     * Takes a recorded act back ({@code NOT_SAVED}) before its failure is thrown; if that cannot be recorded, why is
     * attached to the failure as suppressed (the log then keeps the act as if done).
     *
     * @param failure  what the caller will throw
     * @param takeBack records that the act was not saved; returns why that failed, or {@code null}
     * @param <E>      failure type
     * @return {@code failure}
     */
    public static <E extends RuntimeException> E takenBack(E failure, Supplier<RuntimeException> takeBack) {
        RuntimeException unrecorded = takeBack.get();
        if (unrecorded != null) {
            failure.addSuppressed(unrecorded);
        }
        return failure;
    }

    /** What the store shows. */
    public enum Outcome {
        /** The record as written: the write went through, and the failure came after it. */
        STORED,
        /** The version before the one written (or, for an insert, nothing), so nothing was written. */
        NOT_STORED,
        /** Cannot be told: the store cannot be read, or shows a later version that is not the one written. */
        UNKNOWN
    }

    /**
     * Reads the record again and compares it with what was written.
     *
     * @param read      reads the record from the store (it may throw: the outcome is then unknown)
     * @param written   the version that was written, whose {@code equals} compares every field
     * @param versionOf a record's version; the written one is one more than the one it replaced
     * @param <T>       record type
     * @return the outcome
     */
    public static <T> Outcome outcome(Supplier<Optional<T>> read, T written, ToLongFunction<T> versionOf) {
        Optional<T> now;
        try {
            now = read.get();
        } catch (RuntimeException e) {
            return Outcome.UNKNOWN;
        }
        if (now == null || now.isEmpty()) {
            return Outcome.UNKNOWN; // the record was there before the write: a store that lost it is not to be guessed about
        }
        T held = now.get();
        if (held.equals(written)) {
            return Outcome.STORED;
        }
        // a store that keeps times less precisely than the engine would show the written version as unequal: that is
        // UNKNOWN, never NOT_STORED, since only the version before proves that nothing was written
        return versionOf.applyAsLong(held) == versionOf.applyAsLong(written) - 1 ? Outcome.NOT_STORED : Outcome.UNKNOWN;
    }

    /**
     * {@link #outcome} for an insert: nothing under the id means that nothing was written.
     *
     * @param read    reads the record by its id (it may throw: the outcome is then unknown)
     * @param written the record inserted
     * @param <T>     record type
     * @return the outcome
     */
    public static <T> Outcome outcomeOfInsert(Supplier<Optional<T>> read, T written) {
        Optional<T> now;
        try {
            now = read.get();
        } catch (RuntimeException e) {
            return Outcome.UNKNOWN;
        }
        if (now == null) {
            return Outcome.UNKNOWN;
        }
        return now.isEmpty() ? Outcome.NOT_STORED : now.get().equals(written) ? Outcome.STORED : Outcome.UNKNOWN;
    }
}
