package org.mianzheng.api;

/** Why a directed request counts as a breach of its SLA in a report. */
public enum BreachReason {
    /** Completed after its answer deadline. */
    ANSWERED_LATE("超时办结"),
    /** Returned after its return deadline. */
    RETURNED_LATE("超时退回"),
    /** Still open at the end of the period, past its answer deadline. */
    OVERDUE_OPEN("逾期未办结");

    private final String chinese;

    BreachReason(String chinese) {
        this.chinese = chinese;
    }

    /** @return the label in Chinese */
    public String chinese() {
        return chinese;
    }
}
