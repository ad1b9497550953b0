package org.mianzheng.tck;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.mianzheng.api.spi.SignatureAlgorithm;
import org.mianzheng.api.spi.SigningProvider;

/** Independent signature verification for the kit (plain JCA and BouncyCastle, no mianzheng code). */
final class Verify {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private Verify() {
    }

    /**
     * @param cert   a certificate
     * @param issuer its supposed issuer
     * @return whether the issuer's key verifies the certificate's signature (RSA, ECDSA, SM2 through BouncyCastle)
     */
    static boolean issuedBy(java.security.cert.X509Certificate cert, java.security.cert.X509Certificate issuer) {
        if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(KeyFactory.getInstance(issuer.getPublicKey().getAlgorithm().equals("RSA") ? "RSA" : "EC", BC)
                    .generatePublic(new X509EncodedKeySpec(issuer.getPublicKey().getEncoded())), BC);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static boolean signature(SigningProvider p, byte[] data, byte[] sig) {
        try {
            PublicKey key = p.certificateChain().get(0).getPublicKey();
            Signature s;
            if (p.algorithm() == SignatureAlgorithm.SM3_WITH_SM2) {
                s = Signature.getInstance("SM3withSM2", BC);
                s.setParameter(new SM2ParameterSpec(p.sm2UserId().getBytes(StandardCharsets.UTF_8)));
                key = KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
            } else {
                s = Signature.getInstance(p.algorithm().jcaName());
            }
            s.initVerify(key);
            s.update(data);
            return s.verify(sig);
        } catch (Exception e) {
            return false;
        }
    }
}
