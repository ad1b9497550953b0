package org.mianzheng.seal;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/** Test helper: the signature dictionary and CMS of a signed PDF, read independently of the verifier. */
final class Cms {
    final PDSignature signature;
    final CMSSignedData cms;
    final SignerInformation signer;
    final int[] byteRange;
    final byte[] signedContent;

    private Cms(PDSignature signature, CMSSignedData cms, int[] byteRange, byte[] signedContent) {
        this.signature = signature;
        this.cms = cms;
        this.signer = cms.getSignerInfos().getSigners().iterator().next();
        this.byteRange = byteRange;
        this.signedContent = signedContent;
    }

    static Cms of(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> sigs = doc.getSignatureDictionaries();
            PDSignature sig = sigs.get(sigs.size() - 1);
            byte[] content = sig.getSignedContent(pdf);
            return new Cms(sig, new CMSSignedData(new CMSProcessableByteArray(content), sig.getContents()), sig.getByteRange(), content);
        }
    }

    /** @return the number of bytes reserved for the CMS: half the hex string between the ByteRange parts, minus the brackets */
    int reservedBytes() {
        return (byteRange[2] - byteRange[1] - 2) / 2;
    }
}
