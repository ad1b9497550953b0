package org.mianzheng.api.spi;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Signs bytes for a receipt signature. Signing is split in three steps (as EU DSS does): the signature engine
 * computes the bytes to be signed (the DER encoding of the CMS signed attributes, which include the digest of the
 * document), this provider signs exactly those bytes, and the engine assembles the CMS and the PDF. The provider
 * never sees the document and needs no PDF or CMS knowledge: a software key, an SM2 key, a PKCS#11 token or a
 * remote signing service all fit.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Thread safety:</b> implementations are thread-safe; {@link #sign} may be called concurrently.</li>
 *   <li><b>Blocking:</b> {@link #sign} blocks the calling thread until the signature is produced; it may take long
 *       (a hardware token, a network round trip). Implementations bound their own waiting (a timeout) and never
 *       start threads of their own for a call.</li>
 *   <li><b>Stability:</b> {@link #id()}, {@link #algorithm()}, {@link #certificateChain()} and {@link #sm2UserId()}
 *       return the same values for the provider's whole life; the engine may cache them.</li>
 *   <li><b>Input:</b> {@link #sign} hashes and signs the given bytes with {@link #algorithm()} — the input is not a
 *       pre-computed digest. {@code null} is refused with {@link org.mianzheng.api.InvalidValueException}.</li>
 *   <li><b>Output:</b> never {@code null}: an RSA PKCS#1 v1.5 signature block, or for ECDSA and SM2 the DER
 *       encoding of {@code SEQUENCE {r INTEGER, s INTEGER}}. It verifies with the public key of the first certificate
 *       of {@link #certificateChain()}.</li>
 *   <li><b>Failures:</b> {@link org.mianzheng.api.SigningException} carrying {@link #id()}; the engine turns any
 *       other exception, or {@code null}, into a {@code SigningException} as well. Key material and PINs never
 *       appear in messages.</li>
 * </ul>
 */
public interface SigningProvider {

    /** @return a short, stable id naming this provider in errors and logs (a code: {@code A-Z a-z 0-9 _ - .}) */
    String id();

    /** @return the algorithm {@link #sign} uses */
    SignatureAlgorithm algorithm();

    /**
     * @return the signer's certificate first, then its issuers (the trust anchor may be left out); never empty;
     *         an unmodifiable list
     */
    List<X509Certificate> certificateChain();

    /**
     * Signs the bytes.
     *
     * @param toBeSigned the bytes to sign (for receipts: the DER-encoded CMS signed attributes)
     * @return the signature, never {@code null}
     * @throws org.mianzheng.api.SigningException if the signature could not be produced
     */
    byte[] sign(byte[] toBeSigned);

    /**
     * The SM2 user ID (distinguishing identifier) that {@link SignatureAlgorithm#SM3_WITH_SM2} signatures are made
     * with. Always set: an SM2 signature is never made without one. Ignored for other algorithms.
     *
     * @return the user ID, by default {@value SignatureAlgorithm#DEFAULT_SM2_USER_ID}
     */
    default String sm2UserId() {
        return SignatureAlgorithm.DEFAULT_SM2_USER_ID;
    }
}
