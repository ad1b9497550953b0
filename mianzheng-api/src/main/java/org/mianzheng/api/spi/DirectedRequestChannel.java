package org.mianzheng.api.spi;

import java.util.concurrent.CompletionStage;
import org.mianzheng.api.DirectedRequest;
import org.mianzheng.api.DirectedStatus;
import org.mianzheng.api.DocumentFile;

/**
 * Carries directed requests to departments' desks (cityhub: create, query status, fetch result, cancel).
 *
 * <p>Contract: non-blocking, no threads of its own (as {@link LicenseSource}). Failures complete the stage with a
 * {@link org.mianzheng.api.ChannelException} carrying the typed outcome. {@link #submit} is not idempotent on the
 * wire: the channel sends {@code orderId} as idempotency key and never retries it blindly; a retry after a timeout
 * must first ask the desk by order id. The engine submits an order again at each sweep until the desk has confirmed
 * it (until an answer with its external id has been recorded: after a timeout, a lost answer or a failed submit), so
 * a repeated {@code submit} of an order the desk already holds must answer with its status instead of creating it
 * twice (the cityhub client sends the order id as the desk's idempotency key). Queries ({@link #status},
 * {@link #result}) may be retried.
 * Thread-safe.
 */
public interface DirectedRequestChannel {

    /** @return channel id, e.g. {@code cityhub} */
    String id();

    /**
     * @param request the request
     * @return the desk's status of the created request (state SUBMITTED), with its external id
     */
    CompletionStage<DirectedStatus> submit(DirectedRequest request);

    /**
     * @param externalId the desk's id
     * @return its current status
     */
    CompletionStage<DirectedStatus> status(String externalId);

    /**
     * @param externalId the desk's id of a COMPLETED request
     * @return the result file (PDF or image), checked by magic bytes, size and digest
     */
    CompletionStage<DocumentFile> result(String externalId);

    /**
     * @param externalId the desk's id
     * @param reason     why
     * @return the status after cancellation
     */
    CompletionStage<DirectedStatus> cancel(String externalId, String reason);
}
