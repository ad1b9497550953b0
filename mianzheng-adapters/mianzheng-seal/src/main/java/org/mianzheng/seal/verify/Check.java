package org.mianzheng.seal.verify;

/** The checks {@link ReceiptVerifier} makes, each reported separately. */
public enum Check {
    /**
     * The CMS signature is cryptographically valid: SubFilter {@code ETSI.CAdES.detached}, one signer, message digest
     * over the signed byte ranges, signing-certificate-v2 matching the signer certificate, no signing-time attribute,
     * signature value verifying with the signer's key (SM2 with the configured user ID).
     */
    SIGNATURE_VALID,
    /**
     * The signature covers the whole document: exactly one signature, its ByteRange starts at 0, leaves out exactly
     * the {@code /Contents} hex string, and ends at the end of the file (nothing appended after signing).
     */
    DOCUMENT_COVERED,
    /** The signer certificate chains to a configured trust anchor and is valid at the validation time. */
    CHAIN_TRUSTED,
    /**
     * The signature time-stamp, when present, is a valid RFC 3161 token from a trusted TSA whose imprint matches the
     * signature value. Skipped for B-B receipts unless a time-stamp is required.
     */
    TIMESTAMP_VALID,
    /** The voucher number in the document is registered, and the registered SHA-256 is that of these exact bytes. */
    VOUCHER_REGISTERED
}
