package org.mianzheng.api.spi;

import java.util.concurrent.CompletionStage;
import org.mianzheng.api.DirectedRequest;
import org.mianzheng.api.DocumentFile;

/**
 * A connected data source that issues a certification at once (Art. 10(三)3: 具有数据资源沉淀且已实现数据对接). The engine
 * asks it before it opens a work order for an online request.
 *
 * <p>Contract: non-blocking, no threads of its own; completes with the certification file, or with {@code null} when
 * the data for this applicant is not connected (then a work order is opened); exceptional completion is treated like
 * {@code null}. Thread-safe.
 */
public interface CertificationSource {

    /** @return id */
    String id();

    /**
     * @param request what is asked
     * @return the certification (PDF or image), or {@code null}
     */
    CompletionStage<DocumentFile> issue(DirectedRequest request);
}
