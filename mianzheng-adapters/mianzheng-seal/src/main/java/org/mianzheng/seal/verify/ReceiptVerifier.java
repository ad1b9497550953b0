package org.mianzheng.seal.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.mianzheng.api.AdapterException;
import org.mianzheng.api.InvalidIdentifierException;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.ReceiptException;
import org.mianzheng.api.VoucherNumber;
import org.mianzheng.api.VoucherRecord;
import org.mianzheng.api.spi.SignatureAlgorithm;
import org.mianzheng.api.spi.VoucherRegistry;
import org.mianzheng.seal.ReceiptService;
import org.mianzheng.seal.internal.Bc;
import org.mianzheng.seal.internal.CertPaths;
import org.mianzheng.seal.internal.Digests;
import org.mianzheng.seal.internal.Hex;
import org.mianzheng.seal.internal.SignatureSupport;
import org.mianzheng.seal.pades.PadesSigner;

/**
 * Verifies a receipt offline and reports each {@link Check} separately: signature cryptographically valid, whole
 * document covered, certificate chain to the configured trust anchors, time-stamp valid when present, voucher
 * registered with the matching digest.
 *
 * <p>The certificate chain is checked at the time of a valid signature time-stamp (B-T) or else at the clock's
 * current time: a B-B receipt stops verifying once its signer certificate has expired, which is what B-T is for.
 * There is no revocation checking (offline).
 *
 * <p>Hostile input is expected: bytes that are not a PDF, or larger than the configured limit, raise a
 * {@link ReceiptException}; a damaged or altered PDF yields failed checks. Thread-safe.
 */
public final class ReceiptVerifier {
    /** Default largest document accepted. */
    public static final int DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final List<X509Certificate> anchors;
    private final List<X509Certificate> tsaAnchors;
    private final VoucherRegistry registry;
    private final Clock clock;
    private final String sm2UserId;
    private final int maxBytes;
    private final boolean requireTimestamp;

    private ReceiptVerifier(Builder b) {
        if (b.anchors.isEmpty()) {
            throw new InvalidValueException("trustAnchors", "at least one trust anchor is required");
        }
        this.anchors = List.copyOf(b.anchors);
        this.tsaAnchors = b.tsaAnchors.isEmpty() ? anchors : List.copyOf(b.tsaAnchors);
        this.registry = b.registry;
        this.clock = b.clock;
        this.sm2UserId = b.sm2UserId;
        this.maxBytes = b.maxBytes;
        this.requireTimestamp = b.requireTimestamp;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a receipt.
     *
     * @param pdf the receipt's bytes
     * @return the report, one result per check
     * @throws ReceiptException if the bytes are not a readable PDF or exceed the size limit
     * @throws AdapterException if the voucher registry fails
     */
    public VerificationReport verify(byte[] pdf) {
        InvalidValueException.requireNonNull(pdf, "pdf");
        if (pdf.length > maxBytes) {
            throw new ReceiptException("document of " + pdf.length + " bytes exceeds the limit of " + maxBytes + " bytes");
        }
        if (!hasHeader(pdf)) {
            throw new ReceiptException("not a PDF document (no %PDF- header in the first 1024 bytes)");
        }
        String compressed = compressedStructure(pdf);
        if (compressed != null) {
            // the parser would decode such a stream whole, however far it expands: a small file could exhaust the heap
            throw new ReceiptException("the document uses " + compressed + ", which receipts do not (they are written with classic "
                    + "cross-reference tables): it is not read");
        }
        try {
            return doVerify(pdf);
        } catch (MianzhengException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new ReceiptException("receipt cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Looks for the names of cross-reference streams and object streams ({@code /XRef}, {@code /XRefStm},
     * {@code /ObjStm}), with {@code #xx} escapes decoded, anywhere in the file.
     *
     * @return what was found, or {@code null}
     */
    static String compressedStructure(byte[] pdf) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < pdf.length; i++) {
            if (pdf[i] != '/') {
                continue;
            }
            name.setLength(0);
            int j = i + 1;
            while (j < pdf.length && name.length() <= 8 && !delimiter(pdf[j])) {
                int c = pdf[j] & 0xFF;
                if (c == '#' && j + 2 < pdf.length && hexDigit(pdf[j + 1]) >= 0 && hexDigit(pdf[j + 2]) >= 0) {
                    c = hexDigit(pdf[j + 1]) * 16 + hexDigit(pdf[j + 2]);
                    j += 2;
                }
                name.append((char) c);
                j++;
            }
            String n = name.toString();
            if (n.equals("XRef") || n.equals("XRefStm")) {
                return "a cross-reference stream (/" + n + ")";
            }
            if (n.equals("ObjStm")) {
                return "object streams (/ObjStm)";
            }
            i = j - 1;
        }
        return null;
    }

    private static boolean delimiter(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0 || b == '/' || b == '<' || b == '>' || b == '['
                || b == ']' || b == '(' || b == ')' || b == '{' || b == '}' || b == '%';
    }

    private static int hexDigit(byte b) {
        return Character.digit(b, 16);
    }

    private static boolean hasHeader(byte[] pdf) {
        int limit = Math.min(pdf.length - PDF_HEADER.length, 1024);
        for (int i = 0; i <= limit; i++) {
            if (Arrays.equals(pdf, i, i + PDF_HEADER.length, PDF_HEADER, 0, PDF_HEADER.length)) {
                return true;
            }
        }
        return false;
    }

    /** Everything learnt along the way. */
    private static final class State {
        final Map<Check, CheckResult> results = new EnumMap<>(Check.class);
        byte[] signedContent;
        byte[] contents;
        SignerInformation signer;
        X509Certificate signerCert;
        List<X509Certificate> cmsCertificates = List.of();
        Instant timestampTime;
        Instant claimed;
        VoucherNumber voucher;

        void put(Check c, CheckResult.Status s, String detail) {
            results.put(c, new CheckResult(c, s, detail));
        }
    }

    private VerificationReport doVerify(byte[] pdf) throws IOException {
        State st = new State();
        String voucherText;
        List<PDSignature> signatures;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            signatures = doc.getSignatureDictionaries();
            voucherText = doc.getDocumentInformation().getCustomMetadataValue(ReceiptService.VOUCHER_INFO_KEY);
            if (signatures.isEmpty()) {
                for (Check c : new Check[]{Check.SIGNATURE_VALID, Check.DOCUMENT_COVERED, Check.CHAIN_TRUSTED}) {
                    st.put(c, CheckResult.Status.FAILED, "the document has no signature");
                }
                st.put(Check.TIMESTAMP_VALID, requireTimestamp ? CheckResult.Status.FAILED : CheckResult.Status.SKIPPED,
                        "the document has no signature");
            } else {
                PDSignature sig = last(signatures);
                Calendar m = sig.getSignDate();
                st.claimed = m == null ? null : m.toInstant();
                coverage(pdf, sig, signatures.size(), st);
                signature(sig, st);
                timestamp(st);
                chain(st);
            }
        } catch (IOException e) {
            throw new ReceiptException("not a readable PDF document: " + e.getClass().getSimpleName(), e);
        }
        voucher(pdf, voucherText, st);
        return new VerificationReport(st.results, st.voucher, st.signerCert == null ? null : CertPaths.subject(st.signerCert), st.claimed,
                st.timestampTime);
    }

    private static PDSignature last(List<PDSignature> signatures) {
        PDSignature best = signatures.get(0);
        long bestEnd = -1;
        for (PDSignature s : signatures) {
            int[] br = s.getByteRange();
            long end = br != null && br.length == 4 ? (long) br[2] + br[3] : -1;
            if (end > bestEnd) {
                best = s;
                bestEnd = end;
            }
        }
        return best;
    }

    // ---- DOCUMENT_COVERED ----

    private static void coverage(byte[] pdf, PDSignature sig, int count, State st) {
        int[] br = sig.getByteRange();
        if (br == null || br.length != 4) {
            st.put(Check.DOCUMENT_COVERED, CheckResult.Status.FAILED, "the signature has no ByteRange of four numbers");
            return;
        }
        long a = br[0];
        long b = br[1];
        long c = br[2];
        long d = br[3];
        if (a != 0 || b <= 0 || c <= b + 1 || d < 0 || c + d > pdf.length) {
            st.put(Check.DOCUMENT_COVERED, CheckResult.Status.FAILED, "ByteRange " + Arrays.toString(br)
                    + " is malformed or reaches beyond the " + pdf.length + " bytes of the file");
            return;
        }
        if (pdf[(int) b] != '<' || pdf[(int) c - 1] != '>') {
            st.put(Check.DOCUMENT_COVERED, CheckResult.Status.FAILED, "the gap in ByteRange " + Arrays.toString(br)
                    + " is not exactly the /Contents hex string");
            return;
        }
        byte[] contents = Hex.decode(pdf, (int) b + 1, (int) c - 1);
        if (contents == null) {
            st.put(Check.DOCUMENT_COVERED, CheckResult.Status.FAILED, "the gap in ByteRange " + Arrays.toString(br)
                    + " holds something other than hexadecimal digits");
            return;
        }
        byte[] signed = new byte[(int) (b + d)];
        System.arraycopy(pdf, 0, signed, 0, (int) b);
        System.arraycopy(pdf, (int) c, signed, (int) b, (int) d);
        st.signedContent = signed;
        st.contents = contents;
        byte[] declared;
        try {
            declared = sig.getContents();
        } catch (RuntimeException e) {
            declared = null;
        }
        if (declared == null || !Arrays.equals(stripZeros(declared), stripZeros(contents))) {
            st.put(Check.DOCUMENT_COVERED, CheckResult.Status.FAILED, "the signature dictionary's /Contents is not the string the ByteRange leaves out");
            return;
        }
        long end = c + d;
        if (end < pdf.length) {
            st.put(Check.DOCUMENT_COVERED, CheckResult.Status.FAILED, (pdf.length - end)
                    + " bytes were appended after the signed range (the document was changed after signing)");
            return;
        }
        if (count != 1) {
            st.put(Check.DOCUMENT_COVERED, CheckResult.Status.FAILED, "the document has " + count + " signatures; a receipt has exactly one");
            return;
        }
        st.put(Check.DOCUMENT_COVERED, CheckResult.Status.PASSED, "ByteRange " + Arrays.toString(br) + " covers all " + pdf.length
                + " bytes except /Contents");
    }

    private static byte[] stripZeros(byte[] b) {
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return n == b.length ? b : Arrays.copyOf(b, n);
    }

    // ---- SIGNATURE_VALID ----

    private void signature(PDSignature sig, State st) {
        String subFilter = sig.getSubFilter();
        if (!PadesSigner.SUB_FILTER.equals(subFilter)) {
            st.put(Check.SIGNATURE_VALID, CheckResult.Status.FAILED, "SubFilter is " + subFilter + ", expected " + PadesSigner.SUB_FILTER);
            return;
        }
        if (st.signedContent == null) {
            st.put(Check.SIGNATURE_VALID, CheckResult.Status.FAILED, "cannot check: the ByteRange does not delimit the signed data");
            return;
        }
        String problem;
        try {
            problem = checkCms(st);
        } catch (IOException | CertificateException | RuntimeException e) {
            problem = "the CMS in /Contents is malformed (" + e.getClass().getSimpleName() + ")";
        }
        if (problem != null) {
            st.put(Check.SIGNATURE_VALID, CheckResult.Status.FAILED, problem);
        }
    }

    private String checkCms(State st) throws IOException, CertificateException {
        ASN1Primitive obj;
        try (ASN1InputStream in = new ASN1InputStream(st.contents)) {
            obj = in.readObject();
        }
        if (obj == null) {
            return "/Contents is empty";
        }
        ContentInfo ci = ContentInfo.getInstance(obj);
        if (!PKCSObjectIdentifiers.signedData.equals(ci.getContentType())) {
            return "/Contents is not a CMS SignedData";
        }
        if (SignedData.getInstance(ci.getContent()).getEncapContentInfo().getContent() != null) {
            return "the CMS encapsulates content; ETSI.CAdES.detached requires a detached signature";
        }
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(new CMSProcessableByteArray(st.signedContent), ci);
        } catch (org.bouncycastle.cms.CMSException e) {
            return "the CMS in /Contents is malformed (" + e.getMessage() + ")";
        }
        JcaX509CertificateConverter conv = new JcaX509CertificateConverter().setProvider(Bc.PROVIDER);
        Collection<X509CertificateHolder> carried = cms.getCertificates().getMatches(null);
        if (carried.size() > CertPaths.MAX_POOL) {
            return "the CMS carries " + carried.size() + " certificates; at most " + CertPaths.MAX_POOL + " are read";
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (X509CertificateHolder h : carried) {
            certs.add(conv.getCertificate(h));
        }
        st.cmsCertificates = certs;
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            return "the CMS has " + signers.size() + " signers; expected one";
        }
        SignerInformation si = signers.iterator().next();
        st.signer = si;
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(si.getSID());
        if (matches.isEmpty()) {
            return "the signer certificate is not in the CMS";
        }
        X509Certificate signerCert = conv.getCertificate(matches.iterator().next());
        String key = CertPaths.keyProblem(signerCert);
        if (key != null) {
            return key; // checked before the signature is: the certificate is the document's, not ours
        }
        st.signerCert = signerCert;
        SignatureAlgorithm alg = SignatureSupport.fromOids(si.getEncryptionAlgOID(), si.getDigestAlgOID());
        if (alg == null || !alg.digestOid().equals(si.getDigestAlgOID())) {
            return "unsupported signature algorithm " + si.getEncryptionAlgOID() + " with digest " + si.getDigestAlgOID();
        }
        AttributeTable signed = si.getSignedAttributes();
        if (signed == null) {
            return "the CMS has no signed attributes";
        }
        if (signed.get(CMSAttributes.signingTime) != null) {
            return "the CMS has a signing-time attribute, which PAdES baseline signatures must not have";
        }
        Attribute ct = signed.get(CMSAttributes.contentType);
        if (ct == null || !PKCSObjectIdentifiers.data.equals(ct.getAttrValues().getObjectAt(0))) {
            return "content-type attribute missing or not id-data";
        }
        Attribute md = signed.get(CMSAttributes.messageDigest);
        if (md == null) {
            return "message-digest attribute missing";
        }
        byte[] claimed = org.bouncycastle.asn1.ASN1OctetString.getInstance(md.getAttrValues().getObjectAt(0)).getOctets();
        byte[] actual = Digests.get(alg.digestName()).digest(st.signedContent);
        if (!MessageDigest.isEqual(claimed, actual)) {
            return "the document's " + alg.digestName() + " digest does not match the signed message digest (the signed bytes were altered)";
        }
        Attribute scv2 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (scv2 == null) {
            return "signing-certificate-v2 attribute missing";
        }
        ESSCertIDv2 certId = SigningCertificateV2.getInstance(scv2.getAttrValues().getObjectAt(0)).getCerts()[0];
        String hashName = digestName(certId.getHashAlgorithm().getAlgorithm());
        if (hashName == null) {
            return "signing-certificate-v2 uses an unsupported hash " + certId.getHashAlgorithm().getAlgorithm();
        }
        if (!MessageDigest.isEqual(certId.getCertHash(), Digests.get(hashName).digest(signerCert.getEncoded()))) {
            return "signing-certificate-v2 does not match the signer certificate";
        }
        if (!SignatureSupport.verify(alg, signerCert.getPublicKey(), sm2UserId, si.getEncodedSignedAttributes(), si.getSignature())) {
            return alg.jcaName() + " signature value does not verify with the signer's public key"
                    + (alg == SignatureAlgorithm.SM3_WITH_SM2 ? " (SM2 user ID " + sm2UserId + ")" : "");
        }
        st.put(Check.SIGNATURE_VALID, CheckResult.Status.PASSED, alg.jcaName() + " signature by " + CertPaths.subject(signerCert)
                + " over " + st.signedContent.length + " bytes");
        return null;
    }

    private static String digestName(ASN1ObjectIdentifier oid) {
        switch (oid.getId()) {
            case "2.16.840.1.101.3.4.2.1":
                return "SHA-256";
            case "2.16.840.1.101.3.4.2.2":
                return "SHA-384";
            case "2.16.840.1.101.3.4.2.3":
                return "SHA-512";
            case "1.2.156.10197.1.401":
                return "SM3";
            default:
                return null;
        }
    }

    // ---- TIMESTAMP_VALID ----

    private void timestamp(State st) {
        if (st.signer == null) {
            st.put(Check.TIMESTAMP_VALID, requireTimestamp ? CheckResult.Status.FAILED : CheckResult.Status.SKIPPED,
                    "no valid signature to check a time-stamp on");
            return;
        }
        AttributeTable unsigned = st.signer.getUnsignedAttributes();
        Attribute attr = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attr == null) {
            st.put(Check.TIMESTAMP_VALID, requireTimestamp ? CheckResult.Status.FAILED : CheckResult.Status.SKIPPED,
                    "no signature time-stamp (PAdES B-B)" + (requireTimestamp ? " but one is required" : ""));
            return;
        }
        try {
            ASN1Encodable value = attr.getAttrValues().getObjectAt(0);
            TimeStampToken token = new TimeStampToken(new CMSSignedData(ContentInfo.getInstance(value)));
            String hash = digestName(token.getTimeStampInfo().getMessageImprintAlgOID());
            if (hash == null) {
                st.put(Check.TIMESTAMP_VALID, CheckResult.Status.FAILED, "time-stamp imprint uses an unsupported hash");
                return;
            }
            if (!MessageDigest.isEqual(token.getTimeStampInfo().getMessageImprintDigest(), Digests.get(hash).digest(st.signer.getSignature()))) {
                st.put(Check.TIMESTAMP_VALID, CheckResult.Status.FAILED, "the time-stamp's imprint does not match the signature value");
                return;
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> tsaCerts = token.getCertificates().getMatches(token.getSID());
            if (tsaCerts.isEmpty()) {
                st.put(Check.TIMESTAMP_VALID, CheckResult.Status.FAILED, "the time-stamp token does not carry the TSA certificate");
                return;
            }
            X509CertificateHolder tsaHolder = tsaCerts.iterator().next();
            JcaX509CertificateConverter conv = new JcaX509CertificateConverter().setProvider(Bc.PROVIDER);
            Collection<X509CertificateHolder> carried = token.getCertificates().getMatches(null);
            String unusable = carried.size() > CertPaths.MAX_POOL
                    ? "the time-stamp token carries " + carried.size() + " certificates; at most " + CertPaths.MAX_POOL + " are read"
                    : CertPaths.keyProblem(conv.getCertificate(tsaHolder));
            if (unusable != null) {
                st.put(Check.TIMESTAMP_VALID, CheckResult.Status.FAILED, unusable);
                return;
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.PROVIDER).build(tsaHolder));
            List<X509Certificate> pool = new ArrayList<>();
            for (X509CertificateHolder h : carried) {
                pool.add(conv.getCertificate(h));
            }
            Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
            CertPaths.Result path = CertPaths.validate(conv.getCertificate(tsaHolder), pool, tsaAnchors, genTime, CertPaths.Purpose.TIMESTAMPING);
            if (!path.ok()) {
                st.put(Check.TIMESTAMP_VALID, CheckResult.Status.FAILED, "time-stamping authority not trusted: " + path.detail());
                return;
            }
            st.timestampTime = genTime;
            st.put(Check.TIMESTAMP_VALID, CheckResult.Status.PASSED, "time-stamped " + genTime + " by "
                    + tsaHolder.getSubject() + ", serial " + token.getTimeStampInfo().getSerialNumber());
        } catch (Exception e) {
            st.put(Check.TIMESTAMP_VALID, CheckResult.Status.FAILED, "the time-stamp token is invalid: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    // ---- CHAIN_TRUSTED ----

    private void chain(State st) {
        if (st.signerCert == null) {
            st.put(Check.CHAIN_TRUSTED, CheckResult.Status.FAILED, "no signer certificate found");
            return;
        }
        Instant at = st.timestampTime != null ? st.timestampTime : clock.instant();
        CertPaths.Result r = CertPaths.validate(st.signerCert, st.cmsCertificates, anchors, at, CertPaths.Purpose.SIGNING);
        st.put(Check.CHAIN_TRUSTED, r.ok() ? CheckResult.Status.PASSED : CheckResult.Status.FAILED,
                r.detail() + (st.timestampTime != null ? " (at the time-stamp " + at + ")" : " (at " + at + ")"));
    }

    // ---- VOUCHER_REGISTERED ----

    private void voucher(byte[] pdf, String voucherText, State st) {
        if (voucherText != null) {
            try {
                st.voucher = VoucherNumber.parse(voucherText);
            } catch (InvalidIdentifierException e) {
                st.voucher = null;
            }
        }
        if (registry == null) {
            st.put(Check.VOUCHER_REGISTERED, CheckResult.Status.SKIPPED, "no voucher registry configured");
            return;
        }
        if (voucherText == null) {
            st.put(Check.VOUCHER_REGISTERED, CheckResult.Status.FAILED, "the document carries no voucher number");
            return;
        }
        if (st.voucher == null) {
            st.put(Check.VOUCHER_REGISTERED, CheckResult.Status.FAILED, "the document's voucher number is malformed");
            return;
        }
        Optional<VoucherRecord> rec;
        try {
            rec = registry.lookup(st.voucher);
        } catch (MianzhengException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AdapterException("voucherRegistry", "lookup failed: " + e.getClass().getSimpleName(), e);
        }
        if (rec == null) {
            throw new AdapterException("voucherRegistry", "lookup returned null", null);
        }
        if (rec.isEmpty()) {
            st.put(Check.VOUCHER_REGISTERED, CheckResult.Status.FAILED, "voucher " + st.voucher + " is not registered: not issued by this system");
            return;
        }
        VoucherRecord r = rec.get();
        String digest = Hex.encode(Digests.sha256(pdf));
        if (!digest.equals(r.sha256Hex())) {
            st.put(Check.VOUCHER_REGISTERED, CheckResult.Status.FAILED, "voucher " + st.voucher
                    + " is registered, but for a different document (SHA-256 differs)");
            return;
        }
        st.put(Check.VOUCHER_REGISTERED, CheckResult.Status.PASSED, "voucher " + st.voucher + " issued " + r.issuedAt() + " for case " + r.bizNo());
    }

    /** Builder of {@link ReceiptVerifier}. */
    public static final class Builder {
        private final List<X509Certificate> anchors = new ArrayList<>();
        private final List<X509Certificate> tsaAnchors = new ArrayList<>();
        private final Set<String> set = new HashSet<>();
        private VoucherRegistry registry;
        private Clock clock = Clock.systemUTC();
        private String sm2UserId = SignatureAlgorithm.DEFAULT_SM2_USER_ID;
        private int maxBytes = DEFAULT_MAX_BYTES;
        private boolean requireTimestamp;

        private Builder() {
        }

        private void once(String field) {
            if (!set.add(field)) {
                throw new InvalidValueException(field, "already set");
            }
        }

        /** @param anchors trust anchors for signer certificates @return this builder */
        public Builder trustAnchors(Collection<X509Certificate> anchors) {
            once("trustAnchors");
            InvalidValueException.requireNonNull(anchors, "trustAnchors").forEach(a -> this.anchors.add(InvalidValueException.requireNonNull(a, "trustAnchor")));
            return this;
        }

        /** @param anchors trust anchors for TSA certificates; default the signer trust anchors @return this builder */
        public Builder timestampTrustAnchors(Collection<X509Certificate> anchors) {
            once("timestampTrustAnchors");
            InvalidValueException.requireNonNull(anchors, "timestampTrustAnchors")
                    .forEach(a -> this.tsaAnchors.add(InvalidValueException.requireNonNull(a, "timestampTrustAnchor")));
            return this;
        }

        /** @param registry registry to check voucher numbers against; without one that check is skipped @return this builder */
        public Builder voucherRegistry(VoucherRegistry registry) {
            once("voucherRegistry");
            this.registry = InvalidValueException.requireNonNull(registry, "voucherRegistry");
            return this;
        }

        /** @param clock validation time for receipts without a time-stamp @return this builder */
        public Builder clock(Clock clock) {
            once("clock");
            this.clock = InvalidValueException.requireNonNull(clock, "clock");
            return this;
        }

        /** @param userId SM2 user ID SM2 signatures were made with; default 1234567812345678 @return this builder */
        public Builder sm2UserId(String userId) {
            once("sm2UserId");
            this.sm2UserId = InvalidValueException.requireText(userId, "sm2UserId");
            return this;
        }

        /** @param maxBytes largest document accepted; default 32 MiB @return this builder */
        public Builder maxBytes(int maxBytes) {
            once("maxBytes");
            if (maxBytes < 1024) {
                throw new InvalidValueException("maxBytes", "must be at least 1024");
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /** @param require whether a receipt without a time-stamp fails {@link Check#TIMESTAMP_VALID} @return this builder */
        public Builder requireTimestamp(boolean require) {
            once("requireTimestamp");
            this.requireTimestamp = require;
            return this;
        }

        /** @return the verifier */
        public ReceiptVerifier build() {
            return new ReceiptVerifier(this);
        }
    }
}
