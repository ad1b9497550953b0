package org.mianzheng.seal.pades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import javax.security.auth.x500.X500Principal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.mianzheng.api.Codes;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.ReceiptException;
import org.mianzheng.api.SigningException;
import org.mianzheng.api.spi.SignatureAlgorithm;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.seal.internal.CmsAssembler;
import org.mianzheng.seal.internal.GuardedSigning;
import org.mianzheng.seal.internal.SignatureSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a PDF with a PAdES baseline signature: SubFilter {@code ETSI.CAdES.detached}, CMS built with BouncyCastle,
 * signing-certificate-v2, <b>no</b> signing-time attribute (the claimed time is the signature dictionary's
 * {@code /M}), level B-B, or B-T when a {@link TimestampClient} is configured (an RFC 3161 token over the signature
 * value as unsigned attribute).
 *
 * <p>The signature is added as an incremental update through PDFBox external signing
 * ({@code saveIncrementalForExternalSigning}); its ByteRange covers the whole file except {@code /Contents}. The room
 * reserved for {@code /Contents} is computed from the certificate chain, the largest signature the key can make and
 * the TSA's token size, so the CMS always fits; should a TSA start returning larger tokens, the signature is redone
 * once with the exact size.
 *
 * <p>Signing is split in three steps: this engine computes the bytes to be signed, the {@link SigningProvider} signs
 * them, the engine assembles CMS and PDF. Every signature is verified against the signer certificate before it is
 * used. Thread-safe; blocking (the provider and the TSA may block).
 */
public final class PadesSigner {
    private static final Logger LOG = LoggerFactory.getLogger(PadesSigner.class);
    /** {@code /SubFilter} of every signature this class makes. */
    public static final String SUB_FILTER = "ETSI.CAdES.detached";

    private final SigningProvider provider;
    private final String providerId;
    private final SignatureAlgorithm algorithm;
    private final List<X509Certificate> chain;
    private final String sm2UserId;
    private final TimestampClient timestampClient;
    private final Clock clock;
    private final String signerName;
    private final int baseSize;
    private final java.security.PublicKey verificationKey;

    private PadesSigner(Builder b) {
        this.provider = b.provider;
        this.providerId = Codes.require(GuardedSigning.safeId(b.provider), "signingProvider.id");
        SignatureAlgorithm alg;
        List<X509Certificate> ch;
        String uid;
        try {
            alg = b.provider.algorithm();
            ch = b.provider.certificateChain();
            uid = b.provider.sm2UserId();
        } catch (SigningException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SigningException(providerId, "provider failed to describe itself", e);
        }
        if (alg == null) {
            throw new SigningException(providerId, "provider names no algorithm");
        }
        if (ch == null || ch.isEmpty() || ch.stream().anyMatch(java.util.Objects::isNull)) {
            throw new SigningException(providerId, "provider has no certificate chain");
        }
        SignatureAlgorithm keyAlg = SignatureSupport.algorithmFor(ch.get(0).getPublicKey(), providerId);
        if (keyAlg != alg) {
            throw new SigningException(providerId, "provider claims " + alg + " but its certificate's key is for " + keyAlg);
        }
        if (alg == SignatureAlgorithm.SM3_WITH_SM2 && (uid == null || uid.isEmpty())) {
            throw new SigningException(providerId, "an SM2 provider must name its SM2 user ID");
        }
        this.algorithm = alg;
        this.chain = List.copyOf(ch);
        this.sm2UserId = uid == null ? SignatureAlgorithm.DEFAULT_SM2_USER_ID : uid;
        this.timestampClient = b.timestampClient;
        this.clock = b.clock;
        this.signerName = commonName(chain.get(0).getSubjectX500Principal());
        this.baseSize = CmsAssembler.estimateSize(algorithm, chain, 0);
        try {
            this.verificationKey = SignatureSupport.forVerification(algorithm, chain.get(0).getPublicKey());
        } catch (java.security.GeneralSecurityException e) {
            throw new SigningException(providerId, "the signer certificate's public key is unusable", e);
        }
    }

    /**
     * @param provider the signing provider
     * @return a builder
     */
    public static Builder builder(SigningProvider provider) {
        return new Builder(InvalidValueException.requireNonNull(provider, "provider"));
    }

    /** @return B-T when a time-stamping client is configured, else B-B */
    public PadesLevel level() {
        return timestampClient == null ? PadesLevel.B_B : PadesLevel.B_T;
    }

    /** @return the provider's algorithm */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** @return the provider's id */
    public String providerId() {
        return providerId;
    }

    /** @return the signer's certificate chain, signer first */
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    /** @return the SM2 user ID signatures are made with (meaningful for SM2 only) */
    public String sm2UserId() {
        return sm2UserId;
    }

    /**
     * @return the number of bytes reserved for the CMS in {@code /Contents}: chain, signature, attributes and, for
     *         B-T, the time-stamp token estimate
     * @throws SigningException if the TSA must be probed for its token size and cannot be reached
     */
    public int reservedSize() {
        if (timestampClient == null) {
            return baseSize;
        }
        int estimate;
        try {
            estimate = timestampClient.tokenSizeEstimate();
        } catch (SigningException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SigningException(timestampClient.id(), "time-stamping client failed to estimate its token size", e);
        }
        if (estimate <= 0) {
            throw new SigningException(timestampClient.id(), "time-stamping client gave a token size estimate of " + estimate);
        }
        return baseSize + estimate + CmsAssembler.TIMESTAMP_ATTRIBUTE_OVERHEAD;
    }

    /**
     * Signs a PDF.
     *
     * @param pdf    the PDF (one revision or more)
     * @param reason {@code /Reason} of the signature, or {@code null}
     * @param location {@code /Location}, or {@code null}
     * @return the signed PDF: {@code pdf} followed by an incremental update holding the signature
     * @throws ReceiptException if {@code pdf} is not a PDF with at least one page
     * @throws SigningException if the provider or the TSA fails
     */
    public byte[] sign(byte[] pdf, String reason, String location) {
        InvalidValueException.requireNonNull(pdf, "pdf");
        int reserve = reservedSize();
        for (int attempt = 0; attempt < 2; attempt++) {
            Attempt a = attempt(pdf, reason, location, reserve);
            if (a.signedPdf != null) {
                return a.signedPdf;
            }
            LOG.warn("CMS of {} bytes exceeded the {} bytes reserved (TSA token grew); signing again with the exact size",
                    a.cmsLength, reserve);
            reserve = a.cmsLength + 256;
        }
        throw new SigningException(providerId, "CMS does not fit the reserved space even after resizing");
    }

    private static final class Attempt {
        final byte[] signedPdf;
        final int cmsLength;

        Attempt(byte[] signedPdf, int cmsLength) {
            this.signedPdf = signedPdf;
            this.cmsLength = cmsLength;
        }
    }

    private Attempt attempt(byte[] pdf, String reason, String location, int reserve) {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(pdf);
        } catch (IOException | RuntimeException e) {
            throw new ReceiptException("cannot sign: the input is not a readable PDF (" + e.getClass().getSimpleName() + ")", e);
        }
        try (doc; SignatureOptions options = new SignatureOptions()) {
            if (doc.getNumberOfPages() == 0) {
                throw new ReceiptException("cannot sign: the PDF has no page");
            }
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName(SUB_FILTER));
            if (signerName != null) {
                signature.setName(signerName);
            }
            if (reason != null) {
                signature.setReason(reason);
            }
            if (location != null) {
                signature.setLocation(location);
            }
            Calendar now = new GregorianCalendar(TimeZone.getTimeZone(clock.getZone()));
            now.setTimeInMillis(clock.millis());
            signature.setSignDate(now);
            options.setPreferredSignatureSize(reserve);
            options.setPage(0);
            doc.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reserve + 4096);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            byte[] content;
            try (InputStream in = external.getContent()) {
                content = in.readAllBytes();
            }
            CmsAssembler.Result cms = CmsAssembler.assemble(provider, algorithm, chain, verificationKey, sm2UserId, content, timestampClient);
            if (cms.cms().length > reserve) {
                return new Attempt(null, cms.cms().length);
            }
            external.setSignature(cms.cms());
            return new Attempt(out.toByteArray(), cms.cms().length);
        } catch (IOException e) {
            throw new ReceiptException("cannot sign: PDF could not be written (" + e.getMessage() + ")", e);
        } catch (MianzhengException e) {
            throw e;
        } catch (IllegalStateException e) {
            throw new ReceiptException("cannot sign: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ReceiptException("cannot sign: PDF could not be processed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String commonName(X500Principal principal) {
        try {
            RDN[] rdns = X500Name.getInstance(principal.getEncoded()).getRDNs(BCStyle.CN);
            return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Builder of {@link PadesSigner}. Set-once setters. */
    public static final class Builder {
        private final SigningProvider provider;
        private TimestampClient timestampClient;
        private Clock clock = Clock.systemUTC();
        private boolean clockSet;
        private boolean tsaSet;

        private Builder(SigningProvider provider) {
            this.provider = provider;
        }

        /**
         * Makes signatures B-T.
         *
         * @param client the time-stamping client
         * @return this builder
         */
        public Builder timestampClient(TimestampClient client) {
            if (tsaSet) {
                throw new InvalidValueException("timestampClient", "already set");
            }
            tsaSet = true;
            this.timestampClient = InvalidValueException.requireNonNull(client, "timestampClient");
            return this;
        }

        /**
         * @param clock clock for the signature dictionary's {@code /M}; default UTC system clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            if (clockSet) {
                throw new InvalidValueException("clock", "already set");
            }
            clockSet = true;
            this.clock = InvalidValueException.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the signer
         * @throws SigningException if the provider's key, algorithm or chain are unusable
         */
        public PadesSigner build() {
            return new PadesSigner(this);
        }
    }
}
