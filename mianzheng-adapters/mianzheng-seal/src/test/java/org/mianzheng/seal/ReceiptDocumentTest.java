package org.mianzheng.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.Masking;
import org.mianzheng.api.ReceiptException;
import org.mianzheng.api.SealProfile;
import org.mianzheng.api.VoucherNumber;

/** Layout, content, font embedding and PDF/A-2b conformance of the receipt document. */
class ReceiptDocumentTest {
    static Fixtures.Setup setup;
    static Receipt receipt;
    static String text;

    @BeforeAll
    static void issue() throws Exception {
        setup = new Fixtures.Setup(Fixtures.ecProvider(), null);
        receipt = setup.service.issue(Fixtures.content("BIZ-20261125-0001"));
        text = extract(receipt.pdf());
    }

    static String extract(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void showsEveryElementOfArticles13To15() {
        assertThat(text).contains(
                ReceiptContent.DEFAULT_TITLE,
                "凭证编号", receipt.voucher().format(),
                "出具时间", "2026-11-25 14:30:05 +08:00",
                "出具系统", ReceiptContent.DEFAULT_ISSUING_SYSTEM,
                "出具单位", "乌海市行政审批和政务服务局",
                "事项名称", "食品经营许可（新办）", "150300-000-XK-001",
                "业务流水号", "BIZ-20261125-0001",
                "申请人", "张三",
                "证照类型", "居民户口簿", "11100000MB0143028R",
                "证照编号", "HK1503020026",
                "颁证单位", "乌海市公安局海勃湾区分局",
                "2020-01-01 至 长期",
                "照面信息", "户别", "家庭户",
                "全市政务服务信息数据调用核验系统（cityhub）",
                "经办人", "李四（clerk-07）",
                "加盖：" + SealProfile.DEFAULT_NAME);
        assertThat(squeeze(text)).contains(squeeze(ReceiptDocument.PURPOSE_NOTICE));
    }

    /** Every glyph of the page with its position, in content order. */
    static List<TextPosition> glyphs(byte[] pdf) throws Exception {
        List<TextPosition> out = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition t) {
                out.add(t);
            }
        };
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            stripper.getText(doc);
        }
        return out;
    }

    /** The glyphs on the baseline of the first glyph that starts {@code label}, left to right. */
    static List<TextPosition> lineOf(List<TextPosition> glyphs, String label) {
        for (int i = 0; i + label.length() <= glyphs.size(); i++) {
            StringBuilder run = new StringBuilder();
            for (int j = 0; j < label.length(); j++) {
                run.append(glyphs.get(i + j).getUnicode());
            }
            if (run.toString().equals(label)) {
                float baseline = glyphs.get(i).getYDirAdj();
                return glyphs.stream().filter(g -> Math.abs(g.getYDirAdj() - baseline) < 0.5f)
                        .sorted(Comparator.comparingDouble(TextPosition::getXDirAdj)).toList();
            }
        }
        throw new AssertionError("no " + label + " on the page");
    }

    /** Asserts that the label (its colon included) ends before the next glyph on its line begins. */
    static void labelClearOfValue(List<TextPosition> line, String label, String valueStart) {
        int colon = label.length() - 1;
        assertThat(line.get(colon).getUnicode()).isEqualTo("：");
        TextPosition end = line.get(colon);
        TextPosition value = line.get(colon + 1);
        assertThat(value.getUnicode()).as("the value follows on the label's line").isEqualTo(valueStart);
        assertThat(value.getXDirAdj()).as(label + " runs into its value").isGreaterThanOrEqualTo(end.getXDirAdj() + end.getWidthDirAdj());
    }

    @Test
    void anIdentityNumberInASurfaceDataLabelIsMaskedToo() throws Exception {
        Map<String, String> surface = new LinkedHashMap<>();
        surface.put("户主" + Fixtures.RESIDENT_ID, "本人");
        ReceiptContent.LicenseMaterial m = Fixtures.material();
        ReceiptContent c = ReceiptContent.builder().issuingUnit("乌海市行政审批和政务服务局").item("150300-000-XK-001", "食品经营许可（新办）")
                .bizNo("BIZ-20261125-0005").applicant(Fixtures.applicant())
                .material(new ReceiptContent.LicenseMaterial(m.typeCode(), m.typeName(), m.number(), m.issuer(), m.validFrom(), m.validUntil(), surface))
                .sourceChannel("cityhub").operator("clerk-07", "李四").build();
        String t = extract(setup.service.issue(c).pdf());
        assertThat(t).doesNotContain(Fixtures.RESIDENT_ID).contains("户主" + Masking.mask(Fixtures.RESIDENT_ID));
    }

    @Test
    void aLongLabelDoesNotRunIntoItsValue() throws Exception {
        Receipt r = setup.service.issue(Fixtures.resultContent("BIZ-20261125-0003", "同意办理"));
        List<TextPosition> g = glyphs(r.pdf());
        labelClearOfValue(lineOf(g, "统一社会信用代码："), "统一社会信用代码：", "9");
        labelClearOfValue(lineOf(g, "业务流水号："), "业务流水号：", "B");
    }

    @Test
    void aSurfaceFieldWithAVeryLongLabelPutsItsValueOnTheNextLine() throws Exception {
        Map<String, String> surface = new LinkedHashMap<>();
        surface.put("户别", "家庭户");
        surface.put("登记机关名称及其详细地址信息", "乌海市市场监督管理局");
        ReceiptContent.LicenseMaterial m = Fixtures.material();
        ReceiptContent c = ReceiptContent.builder().issuingUnit("乌海市行政审批和政务服务局").item("150300-000-XK-001", "食品经营许可（新办）")
                .bizNo("BIZ-20261125-0004").applicant(Fixtures.applicant())
                .material(new ReceiptContent.LicenseMaterial(m.typeCode(), m.typeName(), m.number(), m.issuer(), m.validFrom(), m.validUntil(), surface))
                .sourceChannel("cityhub").operator("clerk-07", "李四").build();
        Receipt r = setup.service.issue(c);
        List<TextPosition> g = glyphs(r.pdf());
        labelClearOfValue(lineOf(g, "户别："), "户别：", "家");
        List<TextPosition> label = lineOf(g, "登记机关名称");
        assertThat(label.stream().map(TextPosition::getUnicode).toList()).doesNotContain("乌"); // not on the label's line
        List<TextPosition> value = lineOf(g, "乌海市市场监督管理局");
        assertThat(value.get(0).getYDirAdj()).isGreaterThan(label.get(0).getYDirAdj()); // below it (y grows downwards here)
        assertThat(value.get(0).getXDirAdj()).isGreaterThan(label.get(0).getXDirAdj());
        assertThat(extract(r.pdf())).contains("乌海市市场监督管理局");
    }

    @Test
    void mixedChineseLatinAndDigitsRender() {
        assertThat(text).contains("内蒙古自治区乌海市海勃湾区滨河街道 Binhe Road 12号");
        assertThat(text).contains("WH20261125");
    }

    @Test
    void identityNumbersAreMaskedEverywhere() {
        assertThat(text).doesNotContain(Fixtures.RESIDENT_ID);
        String masked = Masking.mask(Fixtures.RESIDENT_ID);
        // the applicant's number, and the same number inside the surface data
        assertThat(text.split(java.util.regex.Pattern.quote(masked), -1)).hasSize(3);
        assertThat(Fixtures.content("B").toString()).doesNotContain(Fixtures.RESIDENT_ID).doesNotContain("家庭户");
    }

    @Test
    void onePageWithAnEmbeddedSubsetTrueTypeFont() throws Exception {
        try (PDDocument doc = Loader.loadPDF(receipt.pdf())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDPage page = doc.getPage(0);
            PDFont font = page.getResources().getFont(COSName.getPDFName("F1"));
            assertThat(font.getName()).matches("[A-Z]{6}\\+" + ReceiptFont.BUNDLED_FONT_NAME);
            assertThat(font.isEmbedded()).isTrue();
            COSDictionary cid = (COSDictionary) ((COSArray) font.getCOSObject().getDictionaryObject(COSName.DESCENDANT_FONTS)).getObject(0);
            assertThat(cid.getNameAsString(COSName.SUBTYPE)).isEqualTo("CIDFontType2");
            COSDictionary fd = (COSDictionary) cid.getDictionaryObject(COSName.FONT_DESC);
            long programSize = fd.getCOSStream(COSName.FONT_FILE2).getLong(COSName.LENGTH1);
            assertThat(programSize).isPositive().isLessThan(400_000);
        }
    }

    @Test
    void resultTextReceipt() throws Exception {
        String result = "经核验，该单位建设工程规划许可证（编号 建字第150300202600123号）真实有效。联系人身份证号 " + Fixtures.RESIDENT_ID + "。";
        Receipt r = setup.service.issue(Fixtures.resultContent("BIZ-R-1", result));
        String t = extract(r.pdf());
        assertThat(t).contains("三、核验/开具结果", "自治区“综合一窗”受理平台（onewindow）", "乌海市某某建材有限公司", "统一社会信用代码");
        assertThat(squeeze(t)).contains(squeeze("经核验，该单位建设工程规划许可证（编号 建字第150300202600123号）真实有效。"));
        assertThat(t).doesNotContain(Fixtures.RESIDENT_ID).contains(Masking.mask(Fixtures.RESIDENT_ID));
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarks() throws Exception {
        Map<String, String> surface = new LinkedHashMap<>();
        surface.put("备注", "笑脸😀结束");
        ReceiptContent c = ReceiptContent.builder().issuingUnit("乌海市行政审批和政务服务局").item("I-1", "事项").bizNo("BIZ-E")
                .applicant(Fixtures.applicant()).sourceChannel("cityhub").operator("clerk-07", "李四")
                .material(new ReceiptContent.LicenseMaterial("T1", "证照", "N-1", "颁证单位", null, null, surface)).build();
        assertThat(extract(setup.service.issue(c).pdf())).contains("笑脸?结束");
    }

    @Test
    void contentThatDoesNotFitOnOnePageIsRefused() {
        String longText = "核验结果说明。".repeat(200);
        assertThatThrownBy(() -> setup.service.issue(Fixtures.resultContent("BIZ-LONG", longText)))
                .isInstanceOf(ReceiptException.class).hasMessageContaining("does not fit on one page");
    }

    @Test
    void contentIsValidated() {
        assertThatThrownBy(() -> ReceiptContent.builder().issuingUnit("单位").item("I", "事项").bizNo("B").applicant(Fixtures.applicant())
                .material(Fixtures.material()).resultText("both").sourceChannel("cityhub").operator("o", "n").build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> ReceiptContent.builder().issuingUnit("单位\u0007").item("I", "事项").bizNo("B").applicant(Fixtures.applicant())
                .resultText("r").sourceChannel("cityhub").operator("o", "n").build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("control character");
        assertThatThrownBy(() -> ReceiptContent.builder().bizNo("B").bizNo("C")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Fixtures.resultContent("bad bizno with spaces", "r")).isInstanceOf(org.mianzheng.api.InvalidIdentifierException.class);
    }

    @Test
    void pdfA2bConformantBeforeAndAfterSigning() throws Exception {
        SealArtwork art = setup.seals.artwork(SealProfile.DEFAULT_ID);
        byte[] unsigned = ReceiptDocument.render(Fixtures.content("BIZ-A"), VoucherNumber.of("WH", LocalDate.of(2026, 11, 25), 7),
                Fixtures.NOW, ZoneId.of("Asia/Shanghai"), art, ReceiptFont.bundled());
        assertThat(VeraPdf.pdfA2bFailures(unsigned)).isEmpty();
        assertThat(VeraPdf.pdfA2bFailures(receipt.pdf())).isEmpty();
    }

    @Test
    void veraPdfDoesCatchAMissingOutputIntent() throws Exception {
        // control: the conformance check is real — without the sRGB output intent the receipt is not PDF/A
        byte[] broken;
        try (PDDocument doc = Loader.loadPDF(receipt.pdf())) {
            doc.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            broken = out.toByteArray();
        }
        assertThat(VeraPdf.pdfA2bFailures(broken)).isNotEmpty();
    }

    @Test
    void hostFontFromPathOrBytes(@TempDir Path dir) throws Exception {
        byte[] ttc;
        try (InputStream in = ReceiptFont.class.getResourceAsStream("fonts/wqy-microhei.ttc")) {
            ttc = in.readAllBytes();
        }
        Path file = dir.resolve("host.ttc");
        Files.write(file, ttc);
        ReceiptFont mono = ReceiptFont.fromPath(file, "WenQuanYiMicroHeiMono");
        assertThat(mono.name()).isEqualTo("WenQuanYiMicroHeiMono");
        Fixtures.Setup s = new Fixtures.Setup(Fixtures.ecProvider(), null);
        ReceiptService withMono = ReceiptService.builder().clock(Fixtures.CLOCK).voucherPrefix("HOST").voucherSequence(s.sequence)
                .voucherRegistry(s.registry).sealRegistry(s.seals).sealUseListener(u -> { })
                .signer(org.mianzheng.seal.pades.PadesSigner.builder(Fixtures.ecProvider()).build()).font(mono).build();
        Receipt r = withMono.issue(Fixtures.content("BIZ-FONT"));
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            assertThat(doc.getPage(0).getResources().getFont(COSName.getPDFName("F1")).getName()).endsWith("+WenQuanYiMicroHeiMono");
        }
        assertThat(ReceiptFont.fromBytes(ttc, null).name()).isEqualTo(ReceiptFont.BUNDLED_FONT_NAME);
    }

    @Test
    void unusableFontsAreRefused() {
        assertThatThrownBy(() -> ReceiptFont.fromBytes("not a font at all".getBytes(), null)).isInstanceOf(ReceiptException.class);
        assertThatThrownBy(() -> ReceiptFont.fromBytes("OTTO0000000000000000".getBytes(), null)).isInstanceOf(ReceiptException.class)
                .hasMessageContaining("CFF-outline");
        assertThatThrownBy(() -> ReceiptFont.fromPath(Path.of("/nonexistent/font.ttf"), null)).isInstanceOf(ReceiptException.class);
        byte[] ttc;
        try (InputStream in = ReceiptFont.class.getResourceAsStream("fonts/wqy-microhei.ttc")) {
            ttc = in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> ReceiptFont.fromBytes(ttc, "NoSuchFont")).isInstanceOf(ReceiptException.class)
                .hasMessageContaining("WenQuanYiMicroHei");
    }

    @Test
    void fontLicenceShipsWithTheFont() throws Exception {
        try (InputStream in = ReceiptFont.class.getResourceAsStream("fonts/LICENSE-wqy-microhei.txt")) {
            assertThat(in).isNotNull();
            String licence = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(licence).contains("Apache License", "Version 2.0", "WenQuanYi", "Font exception");
        }
    }
}
