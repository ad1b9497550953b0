package org.mianzheng.api;

import java.time.Instant;

/**
 * How a calendar update would change an open work order.
 *
 * @param orderId          the order
 * @param answerDueBefore  answer deadline now
 * @param answerDueAfter   answer deadline with the new calendar
 * @param breachedBefore   breached now
 * @param breachedAfter    breached with the new calendar
 * @param provisionalAfter whether the new deadline is still provisional
 */
public record DeadlineShift(String orderId, Instant answerDueBefore, Instant answerDueAfter, boolean breachedBefore, boolean breachedAfter,
                            boolean provisionalAfter) {
}
