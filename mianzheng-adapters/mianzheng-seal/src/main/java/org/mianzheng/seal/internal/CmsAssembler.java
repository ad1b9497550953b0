package org.mianzheng.seal.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.mianzheng.api.SigningException;
import org.mianzheng.api.spi.SignatureAlgorithm;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.seal.pades.TimestampClient;

/**
 * Builds the CMS {@code SignedData} of a PAdES signature ({@code ETSI.CAdES.detached}) in three steps: compute the
 * signed attributes (content type, message digest, signing-certificate-v2, CMS algorithm protection; never
 * signing-time), have the {@link SigningProvider} sign their DER encoding, assemble the SignerInfo; then, for B-T,
 * add a signature time-stamp token as unsigned attribute.
 */
public final class CmsAssembler {
    /** Room for everything in the CMS that is neither a certificate, the signature nor a time-stamp token. */
    public static final int FIXED_OVERHEAD = 1536;
    /** Extra room for the unsigned attribute wrapping a time-stamp token. */
    public static final int TIMESTAMP_ATTRIBUTE_OVERHEAD = 64;

    private CmsAssembler() {
    }

    /**
     * Computes the largest CMS the signature can become, so that the room reserved in the PDF always suffices.
     *
     * @param algorithm     the algorithm
     * @param chain         the certificates that go into the CMS, signer first
     * @param tokenEstimate the time-stamp token size estimate, or 0 for B-B
     * @return bytes
     */
    public static int estimateSize(SignatureAlgorithm algorithm, List<X509Certificate> chain, int tokenEstimate) {
        X509Certificate signer = chain.get(0);
        int size = FIXED_OVERHEAD + SignatureSupport.maxSignatureLength(algorithm, signer.getPublicKey());
        for (X509Certificate c : chain) {
            try {
                size += c.getEncoded().length;
            } catch (CertificateEncodingException e) {
                throw new SigningException(null, "certificate cannot be encoded", e);
            }
        }
        // the signer's issuer name and serial appear twice: in the SignerIdentifier and in ESSCertIDv2
        size += 2 * (signer.getIssuerX500Principal().getEncoded().length + signer.getSerialNumber().toByteArray().length);
        if (tokenEstimate > 0) {
            size += tokenEstimate + TIMESTAMP_ATTRIBUTE_OVERHEAD;
        }
        return size;
    }

    /** What {@link #assemble} produced. */
    public static final class Result {
        private final byte[] cms;
        private final byte[] toBeSigned;
        private final byte[] signature;

        Result(byte[] cms, byte[] toBeSigned, byte[] signature) {
            this.cms = cms;
            this.toBeSigned = toBeSigned;
            this.signature = signature;
        }

        /** @return the DER-encoded CMS ContentInfo */
        public byte[] cms() {
            return cms;
        }

        /** @return the bytes the provider signed (DER of the signed attributes) */
        public byte[] toBeSigned() {
            return toBeSigned;
        }

        /** @return the signature value */
        public byte[] signature() {
            return signature;
        }
    }

    /**
     * @param provider  the signing provider
     * @param algorithm its algorithm
     * @param chain     its certificate chain, signer first
     * @param verificationKey the signer's public key, prepared with {@link SignatureSupport#forVerification}
     * @param sm2UserId its SM2 user ID
     * @param content   the signed byte ranges of the PDF, concatenated
     * @param tsa       a time-stamping client for B-T, or {@code null} for B-B
     * @return the CMS
     * @throws SigningException if the provider or the TSA fails, or the signature does not verify
     */
    public static Result assemble(SigningProvider provider, SignatureAlgorithm algorithm, List<X509Certificate> chain,
                                  java.security.PublicKey verificationKey, String sm2UserId, byte[] content, TimestampClient tsa) {
        String id = provider.id();
        try {
            X509Certificate signer = chain.get(0);
            ProviderContentSigner contentSigner = new ProviderContentSigner(provider, algorithm);
            Attribute essAttribute = signingCertificateV2(signer, algorithm);
            CMSAttributeTableGenerator base = new DefaultSignedAttributeTableGenerator(new AttributeTable(essAttribute));
            CMSAttributeTableGenerator withoutSigningTime = params -> {
                @SuppressWarnings("unchecked")
                Map<Object, Object> p = params;
                return base.getAttributes(p).remove(CMSAttributes.signingTime);
            };
            // the JDK's SHA-256 uses CPU intrinsics; SM3 comes from BouncyCastle
            JcaDigestCalculatorProviderBuilder digests = new JcaDigestCalculatorProviderBuilder();
            if (algorithm == SignatureAlgorithm.SM3_WITH_SM2) {
                digests.setProvider(Bc.PROVIDER);
            }
            SignerInfoGenerator sig = new SignerInfoGeneratorBuilder(digests.build())
                    .setSignedAttributeGenerator(withoutSigningTime)
                    .build(contentSigner, new JcaX509CertificateHolder(signer));
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(sig);
            gen.addCertificates(new JcaCertStore(chain));
            CMSSignedData signed = gen.generate(new CMSProcessableByteArray(content), false);
            byte[] tbs = contentSigner.toBeSigned;
            byte[] signatureValue = contentSigner.signature;
            if (!SignatureSupport.verify(algorithm, verificationKey, sm2UserId, tbs, signatureValue)) {
                throw new SigningException(id, "the signature returned does not verify with the signer certificate's public key");
            }
            if (tsa != null) {
                signed = addTimestamp(signed, tsa);
            }
            return new Result(signed.getEncoded(ASN1Encoding.DER), tbs, signatureValue);
        } catch (SigningException e) {
            throw e;
        } catch (CMSException e) {
            if (e.getCause() instanceof SigningException) {
                throw (SigningException) e.getCause();
            }
            throw new SigningException(id, "CMS could not be built: " + e.getMessage(), e);
        } catch (IOException | OperatorCreationException | CertificateEncodingException | RuntimeException e) {
            SigningException nested = findSigningException(e);
            if (nested != null) {
                throw nested;
            }
            throw new SigningException(id, "CMS could not be built: " + e, e);
        }
    }

    private static SigningException findSigningException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SigningException) {
                return (SigningException) c;
            }
        }
        return null;
    }

    private static Attribute signingCertificateV2(X509Certificate signer, SignatureAlgorithm algorithm) throws CertificateEncodingException {
        boolean sm = algorithm == SignatureAlgorithm.SM3_WITH_SM2;
        MessageDigest md = Digests.get(sm ? "SM3" : "SHA-256");
        byte[] hash = md.digest(signer.getEncoded());
        AlgorithmIdentifier hashAlg = new AlgorithmIdentifier(sm ? new ASN1ObjectIdentifier(SignatureAlgorithm.SM3_WITH_SM2.digestOid())
                : NISTObjectIdentifiers.id_sha256);
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(signer.getIssuerX500Principal().getEncoded()))), new BigInteger(1, signer.getSerialNumber().toByteArray()));
        ESSCertIDv2 certId = sm ? new ESSCertIDv2(hashAlg, hash, issuerSerial) : new ESSCertIDv2(hash, issuerSerial);
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[]{certId})));
    }

    private static CMSSignedData addTimestamp(CMSSignedData signed, TimestampClient tsa) throws IOException {
        SignerInformation si = signed.getSignerInfos().getSigners().iterator().next();
        byte[] imprint = Digests.get(tsa.digestAlgorithm()).digest(si.getSignature());
        byte[] tokenBytes = tsa.timestamp(imprint);
        if (tokenBytes == null) {
            throw new SigningException(tsa.id(), "time-stamping client returned null");
        }
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(tokenBytes));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            throw new SigningException(tsa.id(), "time-stamp token is malformed", e);
        }
        if (!Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(), imprint)) {
            throw new SigningException(tsa.id(), "time-stamp token does not cover the signature value");
        }
        ASN1EncodableVector attrs = new ASN1EncodableVector();
        attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet((ASN1Encodable) ASN1Primitive.fromByteArray(tokenBytes))));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(si, new AttributeTable(attrs));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    /** Step two of three: hands the DER of the signed attributes to the provider. */
    private static final class ProviderContentSigner implements ContentSigner {
        private final SigningProvider provider;
        private final AlgorithmIdentifier algorithmIdentifier;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        private byte[] toBeSigned;
        private byte[] signature;

        ProviderContentSigner(SigningProvider provider, SignatureAlgorithm algorithm) {
            this.provider = provider;
            this.algorithmIdentifier = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm.jcaName());
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithmIdentifier;
        }

        @Override
        public OutputStream getOutputStream() {
            return buffer;
        }

        @Override
        public byte[] getSignature() {
            toBeSigned = buffer.toByteArray();
            signature = GuardedSigning.sign(provider, toBeSigned);
            return signature;
        }
    }
}
