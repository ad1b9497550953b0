package org.mianzheng.seal.pades;

/**
 * Obtains RFC 3161 time-stamp tokens from a time-stamping authority (TSA), for PAdES B-T.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Thread safety:</b> thread-safe.</li>
 *   <li><b>Blocking:</b> {@link #timestamp} blocks until the token arrives or the client's own timeout passes.</li>
 *   <li><b>Checks:</b> a returned token has status granted, carries exactly the requested message imprint and
 *       digest algorithm, and answers the request's nonce.</li>
 *   <li><b>Failures:</b> {@link org.mianzheng.api.SigningException} carrying {@link #id()}.</li>
 * </ul>
 */
public interface TimestampClient {

    /** @return a short id naming the TSA in errors and logs */
    String id();

    /** @return the JCA name of the digest algorithm for the message imprint, e.g. {@code SHA-256} */
    String digestAlgorithm();

    /**
     * @param imprint the digest (with {@link #digestAlgorithm()}) of the data to time-stamp
     * @return the DER-encoded TimeStampToken (a CMS ContentInfo)
     * @throws org.mianzheng.api.SigningException if no valid token could be obtained
     */
    byte[] timestamp(byte[] imprint);

    /**
     * An upper estimate of the size of the tokens this TSA returns, used to reserve room for the signature in the
     * PDF. Implementations may learn it (probe the TSA once, then track the largest token seen).
     *
     * @return bytes, {@code > 0}
     * @throws org.mianzheng.api.SigningException if the estimate needs the TSA and it cannot be reached
     */
    int tokenSizeEstimate();
}
