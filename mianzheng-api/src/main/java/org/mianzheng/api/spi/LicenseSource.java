package org.mianzheng.api.spi;

import java.util.concurrent.CompletionStage;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.SourceResult;

/**
 * A channel that retrieves electronic licences: {@code onewindow} (the regional 综合一窗 platform, primary) or
 * {@code cityhub} (the city 数据调用核验系统, supplementary), or an integrator's own.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #retrieve} does not block: it returns a stage that completes later. It must not start threads of its
 *       own; asynchronous I/O clients (e.g. {@code java.net.http.HttpClient}) may use the executor they were built with.</li>
 *   <li>Every answer is mapped to one {@link org.mianzheng.api.SourceOutcome}; the stage should not complete
 *       exceptionally, but if it does (or the method throws, or returns {@code null}) the engine records
 *       {@code MALFORMED_RESPONSE} for this channel and names the adapter.</li>
 *   <li>The engine owns deadlines, circuit breakers and fallback; a source may retry idempotent calls within the time
 *       it is given, never non-idempotent ones. The engine cancels the stage when its deadline passes.</li>
 *   <li>A {@code FOUND} licence must belong to the queried holder and type; the engine checks and treats a mismatch
 *       as {@code MALFORMED_RESPONSE}.</li>
 *   <li>Thread-safe. Never log identity numbers unmasked.</li>
 * </ul>
 */
public interface LicenseSource {

    /** @return the channel id, e.g. {@code onewindow}; stable, of the code alphabet */
    String id();

    /**
     * @param query what to retrieve and why
     * @return the answer
     */
    CompletionStage<SourceResult> retrieve(LicenseQuery query);
}
