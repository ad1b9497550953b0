package org.mianzheng.tck;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.LicenseQuery;

/**
 * What the backend behind a {@link org.mianzheng.api.spi.LicenseSource} holds, and what the test can do to it.
 * Only the first five methods are required; the others declare optional abilities (fault injection, recording the
 * purpose the platform received, capturing logs). A kit test whose ability is missing is not generated.
 */
public interface LicenseSourceFixture {

    /**
     * @param withFile whether to ask for the file too
     * @return a query for a VALID licence that exists
     */
    LicenseQuery found(boolean withFile);

    /** @return a query for a holder/type combination that does not exist */
    LicenseQuery notFound();

    /** @return a query for a revoked licence */
    LicenseQuery revoked();

    /** @return a query for an expired licence */
    LicenseQuery expired();

    /** @return a query for a restricted licence, if the backend has one */
    default Optional<LicenseQuery> restricted() {
        return Optional.empty();
    }

    /** @return the bound within which every retrieval's stage must complete, faults included */
    Duration deadline();

    /** @return the faults {@link #inject} can produce; empty if none */
    default Set<PlatformFault> supportedFaults() {
        return Set.of();
    }

    /**
     * Makes the backend misbehave until {@link #clearFaults()}: on the call where the fault shows (for
     * {@link PlatformFault#WRONG_HOLDER} the call returning the licence, for {@link PlatformFault#CORRUPT_FILE} the
     * file call).
     *
     * @param fault one of {@link #supportedFaults()}
     */
    default void inject(PlatformFault fault) {
        throw new IllegalStateException("this fixture declared no supported faults: the kit injects only faults listed by supportedFaults()");
    }

    /** Removes every injected fault. */
    default void clearFaults() {
    }

    /**
     * @return the purposes of the data calls (not logins) the platform received since {@link #resetRecording()},
     *         if the fixture records them
     */
    default Optional<List<SeenPurpose>> purposesSeen() {
        return Optional.empty();
    }

    /** Forgets recorded calls. */
    default void resetRecording() {
    }

    /** @return the log output of the source so far, if the fixture captures it */
    default Optional<Supplier<String>> capturedLog() {
        return Optional.empty();
    }

    /** @return the largest file the source accepts */
    default int maxFileBytes() {
        return DocumentFile.DEFAULT_MAX_BYTES;
    }
}
