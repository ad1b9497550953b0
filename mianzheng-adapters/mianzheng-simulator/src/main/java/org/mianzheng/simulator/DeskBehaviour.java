package org.mianzheng.simulator;

import java.time.Duration;
import java.util.Objects;
import org.mianzheng.api.FileType;

/**
 * How a simulated department answers directed requests, measured from the request's creation on the simulator's
 * clock: accept then complete (with a PDF or PNG result), return with a reason and a transfer suggestion, or stay
 * silent (a timeout from the requester's point of view).
 *
 * @param mode               answer, return or silent
 * @param acceptAfter        ANSWER: when it is accepted
 * @param actAfter           ANSWER: when completed; RETURN: when returned
 * @param returnReason       RETURN: reason
 * @param transferSuggestion RETURN: suggested department code
 * @param resultType         ANSWER: PDF or PNG
 */
public record DeskBehaviour(Mode mode, Duration acceptAfter, Duration actAfter, String returnReason, String transferSuggestion, FileType resultType) {
    /** What the department does. */
    public enum Mode {
        /** Accepts, then completes with a result. */
        ANSWER,
        /** Returns it as not in its remit. */
        RETURN,
        /** Never reacts. */
        SILENT
    }

    /** Validating constructor. */
    public DeskBehaviour {
        Objects.requireNonNull(mode, "mode");
        acceptAfter = acceptAfter == null ? Duration.ZERO : acceptAfter;
        actAfter = actAfter == null ? Duration.ZERO : actAfter;
        if (mode == Mode.RETURN) {
            Objects.requireNonNull(returnReason, "returnReason");
            Objects.requireNonNull(transferSuggestion, "transferSuggestion");
        }
        if (mode == Mode.ANSWER && resultType != FileType.PDF && resultType != FileType.PNG) {
            throw new IllegalArgumentException("a result is a PDF or a PNG");
        }
    }

    /**
     * @param acceptAfter when accepted
     * @param completeAfter when completed
     * @param resultType PDF or PNG
     * @return an answering department
     */
    public static DeskBehaviour answering(Duration acceptAfter, Duration completeAfter, FileType resultType) {
        return new DeskBehaviour(Mode.ANSWER, acceptAfter, completeAfter, null, null, resultType);
    }

    /**
     * @param after              when it returns the request
     * @param reason             reason
     * @param transferSuggestion suggested department code
     * @return a returning department
     */
    public static DeskBehaviour returning(Duration after, String reason, String transferSuggestion) {
        return new DeskBehaviour(Mode.RETURN, Duration.ZERO, after, reason, transferSuggestion, null);
    }

    /** @return a department that never reacts */
    public static DeskBehaviour silent() {
        return new DeskBehaviour(Mode.SILENT, Duration.ZERO, Duration.ZERO, null, null, null);
    }
}
