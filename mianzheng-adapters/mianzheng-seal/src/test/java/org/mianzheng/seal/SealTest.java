package org.mianzheng.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.ReceiptException;
import org.mianzheng.api.SealProfile;
import org.mianzheng.seal.pades.PadesSigner;
import org.mianzheng.seal.store.InMemoryVoucherRegistry;
import org.mianzheng.seal.store.InMemoryVoucherSequence;

/** The seal: drawn once and cached, PNG seals, administration under Art. 20, every use reported and fail closed. */
class SealTest {

    private static byte[] sealImageBytes(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDImageXObject img = (PDImageXObject) doc.getPage(0).getResources().getXObject(COSName.getPDFName("Im1"));
            try (java.io.InputStream in = img.getCOSObject().createRawInputStream()) {
                return in.readAllBytes();
            }
        }
    }

    @Test
    void renderedOnceAndReused() throws Exception {
        Fixtures.Setup s = new Fixtures.Setup(Fixtures.ecProvider(), null);
        Receipt a = s.service.issue(Fixtures.content("BIZ-S1"));
        Receipt b = s.service.issue(Fixtures.content("BIZ-S2"));
        Receipt c = s.service.issue(Fixtures.content("BIZ-S3"));
        assertThat(s.seals.renderer().renderCount()).isEqualTo(1);
        assertThat(sealImageBytes(a.pdf())).isEqualTo(sealImageBytes(b.pdf())).isEqualTo(sealImageBytes(c.pdf()));
    }

    @Test
    void drawnSealHasRingStarAndTransparentCorners() throws Exception {
        SealProfile p = SealProfile.drawn("blue", "测试专用章", 0x1040C0, 40, "核验专用");
        SealArtwork art = new SealRenderer(ReceiptFont.bundled()).render(p);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(art.toPng()));
        int size = img.getWidth();
        assertThat(size).isEqualTo(img.getHeight()).isEqualTo((int) Math.round(40 * SealRenderer.DOTS_PER_MM));
        assertThat(img.getRGB(size / 2, size / 2)).as("star centre").isEqualTo(0xFF000000 | 0x1040C0);
        assertThat(img.getRGB(size / 2, 3) >>> 24).as("outer ring at the top").isGreaterThan(200);
        assertThat(img.getRGB(1, 1) >>> 24).as("corner").isZero();
        int inked = 0;
        for (int y = (int) (size * 0.70); y < size * 0.82; y++) {
            for (int x = (int) (size * 0.3); x < size * 0.7; x++) {
                inked += (img.getRGB(x, y) >>> 24) > 128 ? 1 : 0;
            }
        }
        assertThat(inked).as("text under the star").isGreaterThan(100);
        assertThat(art.widthMm()).isEqualTo(40.0);
    }

    @Test
    void replacingAProfileRendersItAgainOnce() throws Exception {
        Fixtures.Setup s = new Fixtures.Setup(Fixtures.ecProvider(), null);
        s.service.issue(Fixtures.content("BIZ-R1"));
        s.seals.replace("seal-admin", SealProfile.drawn(SealProfile.DEFAULT_ID, SealProfile.DEFAULT_NAME, 0xCC0000, 38, null));
        s.service.issue(Fixtures.content("BIZ-R2"));
        s.service.issue(Fixtures.content("BIZ-R3"));
        assertThat(s.seals.renderer().renderCount()).isEqualTo(2);
        assertThat(s.seals.artwork(SealProfile.DEFAULT_ID).widthMm()).isEqualTo(38.0);
    }

    @Test
    void suppliedPngIsUsed() throws Exception {
        BufferedImage png = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = png.createGraphics();
        g.setColor(new Color(200, 0, 0));
        g.fillOval(10, 10, 180, 180);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(png, "png", out);
        Fixtures.Setup s = new Fixtures.Setup(Fixtures.ecProvider(), null);
        s.seals.register("seal-admin", SealProfile.image("scan", "乌海市证照数据共享查询核验专用章（扫描件）", out.toByteArray(), 45));
        Receipt r = s.service.issue(Fixtures.content("BIZ-PNG"), "scan");
        assertThat(r.sealProfileId()).isEqualTo("scan");
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            PDImageXObject img = (PDImageXObject) doc.getPage(0).getResources().getXObject(COSName.getPDFName("Im1"));
            assertThat(img.getWidth()).isEqualTo(300);
            assertThat(img.getHeight()).isEqualTo(200);
        }
        assertThat(s.seals.artwork("scan").heightMm()).isEqualTo(30.0);
        assertThatThrownBy(() -> SealProfile.image("bad", "x", "not a png".getBytes(), 40)).isInstanceOf(InvalidValueException.class);
        byte[] truncated = java.util.Arrays.copyOf(out.toByteArray(), 40);
        assertThatThrownBy(() -> new SealRenderer(ReceiptFont.bundled()).render(SealProfile.image("t", "x", truncated, 40)))
                .isInstanceOf(ReceiptException.class).hasMessageContaining("seal PNG");
    }

    @Test
    void onlySealAdministratorsChangeProfiles() {
        SealRegistry reg = new SealRegistry(op -> op.equals("seal-admin"), new SealRenderer(ReceiptFont.bundled()));
        SealProfile other = SealProfile.drawn("other", "乌海市某某局核验专用章", 0xE60012, 42, null);
        assertThatThrownBy(() -> reg.register("clerk-07", other)).isInstanceOf(SealAdministrationDeniedException.class)
                .hasMessageContaining("clerk-07").hasMessageContaining("register seal profile other")
                .satisfies(e -> assertThat(((SealAdministrationDeniedException) e).operatorId()).isEqualTo("clerk-07"));
        assertThat(reg.profiles()).extracting(SealProfile::id).containsExactly(SealProfile.DEFAULT_ID);
        reg.register("seal-admin", other);
        assertThatThrownBy(() -> reg.replace("clerk-07", other)).isInstanceOf(SealAdministrationDeniedException.class);
        assertThatThrownBy(() -> reg.retire("clerk-07", "other")).isInstanceOf(SealAdministrationDeniedException.class);
        assertThatThrownBy(() -> reg.setDefault("clerk-07", "other")).isInstanceOf(SealAdministrationDeniedException.class);
        assertThatThrownBy(() -> reg.retire("seal-admin", SealProfile.DEFAULT_ID)).isInstanceOf(ReceiptException.class)
                .hasMessageContaining("is the default");
        assertThatThrownBy(() -> reg.register("seal-admin", other)).isInstanceOf(ReceiptException.class).hasMessageContaining("exists already");
        reg.setDefault("seal-admin", "other");
        assertThat(reg.defaultProfile()).isEqualTo(other);
        reg.retire("seal-admin", SealProfile.DEFAULT_ID);
        assertThatThrownBy(() -> reg.profile(SealProfile.DEFAULT_ID)).isInstanceOf(ReceiptException.class).hasMessageContaining("unknown seal profile");
    }

    @Test
    void aFailingPolicyRefuses() {
        SealRegistry reg = new SealRegistry(op -> {
            throw new IllegalStateException("role service down");
        }, new SealRenderer(ReceiptFont.bundled()));
        assertThatThrownBy(() -> reg.register("seal-admin", SealProfile.drawn("x", "章", 0xE60012, 42, null)))
                .isInstanceOf(SealAdministrationDeniedException.class).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyUseIsReportedBeforeTheReceiptIsReturned() {
        InMemoryVoucherRegistry registry = new InMemoryVoucherRegistry();
        List<SealUse> uses = new CopyOnWriteArrayList<>();
        List<Boolean> registeredWhenReported = new CopyOnWriteArrayList<>();
        ReceiptService service = service(registry, use -> {
            registeredWhenReported.add(registry.lookup(use.voucher()).isPresent());
            uses.add(use);
        });
        Receipt r = service.issue(Fixtures.content("BIZ-U1"));
        assertThat(uses).containsExactly(new SealUse("clerk-07", "BIZ-U1", r.voucher(), SealProfile.DEFAULT_ID, Fixtures.NOW));
        assertThat(registeredWhenReported).containsExactly(false);
    }

    @Test
    void noReceiptWhenTheUseCannotBeRecorded() {
        InMemoryVoucherRegistry registry = new InMemoryVoucherRegistry();
        ReceiptService service = service(registry, use -> {
            throw new IllegalStateException("audit store down");
        });
        assertThatThrownBy(() -> service.issue(Fixtures.content("BIZ-U2"))).isInstanceOf(ReceiptException.class)
                .hasMessageContaining("seal use could not be recorded").hasCauseInstanceOf(IllegalStateException.class);
        assertThat(registry.size()).isZero();
    }

    @Test
    void unknownProfileIsRefused() {
        ReceiptService service = service(new InMemoryVoucherRegistry(), use -> { });
        assertThatThrownBy(() -> service.issue(Fixtures.content("BIZ-U3"), "nope")).isInstanceOf(ReceiptException.class)
                .hasMessageContaining("unknown seal profile nope");
    }

    private static ReceiptService service(InMemoryVoucherRegistry registry, SealUseListener listener) {
        return ReceiptService.builder().clock(Fixtures.CLOCK).voucherPrefix("WH").voucherSequence(new InMemoryVoucherSequence())
                .voucherRegistry(registry).sealRegistry(new SealRegistry(op -> false, new SealRenderer(ReceiptFont.bundled())))
                .sealUseListener(listener).signer(PadesSigner.builder(Fixtures.ecProvider()).clock(Fixtures.CLOCK).build()).build();
    }
}
