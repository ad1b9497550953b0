package org.mianzheng.seal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.blend.BlendMode;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.mianzheng.api.HolderIdType;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.ReceiptException;
import org.mianzheng.api.VoucherNumber;

/**
 * Lays out a receipt on one A4 page and writes it as PDF/A-2b: subset-embedded TrueType font, XMP metadata with
 * {@code pdfaid:part 2, conformance B}, an sRGB output intent (the JDK's sRGB ICC profile), the seal drawn with
 * the Multiply blend mode so the text under it stays legible.
 */
final class ReceiptDocument {
    /** Art. 15, printed on every receipt. */
    static final String PURPOSE_NOTICE = "通过全市政务服务信息数据调用核验系统获取的证照证明材料，只用于窗口人员和审批部门受理审批政务服务事项之用，"
            + "不得交于办事群众或其他无关人员做其他之用";
    private static final String LEGAL_NOTE = "本凭证与纸质证照、批复、证明具有同等法律效力（第十四条）；凭证附有数字签名，可凭凭证编号向出具系统核验。";
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);
    private static final DateTimeFormatter XMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    private static final float PAGE_W = PDRectangle.A4.getWidth();
    private static final float PAGE_H = PDRectangle.A4.getHeight();
    private static final float LEFT = 60;
    private static final float RIGHT = PAGE_W - 60;
    private static final float LABEL_W = 84;
    /** Space between a label's colon and its value. */
    private static final float GAP = 4;
    /** The widest surface-data label (with its colon) kept on its value's line. */
    private static final float FIELD_LABEL_MAX = 120;
    private static final float BODY = 10.5f;
    private static final float LEADING = 16.5f;
    private static final float CONTENT_BOTTOM = 250;

    private static final String FONT = "F1";
    private static final String SEAL = "Im1";
    private static final String MULTIPLY = "GS1";

    private final SubsetFont font;
    private final PageContent cs = new PageContent();
    private float y;

    private ReceiptDocument(SubsetFont font) {
        this.font = font;
    }

    static String channelName(String channel) {
        switch (channel) {
            case "cityhub":
                return "全市政务服务信息数据调用核验系统（cityhub）";
            case "onewindow":
                return "自治区“综合一窗”受理平台（onewindow）";
            default:
                return channel;
        }
    }

    /**
     * @return the unsigned PDF/A-2b document
     * @throws ReceiptException if the content does not fit on one page
     */
    static byte[] render(ReceiptContent c, VoucherNumber voucher, Instant issuedAt, ZoneId zone, SealArtwork seal, ReceiptFont font) {
        ZonedDateTime at = issuedAt.atZone(zone);
        try (ReceiptFont.Lease lease = font.lease(); PDDocument doc = new PDDocument()) {
            doc.setVersion(1.7f);
            doc.getDocument().setVersion(1.7f);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            ReceiptDocument r = new ReceiptDocument(new SubsetFont(lease));
            r.layout(c, voucher, at, seal);
            COSDictionary fonts = new COSDictionary();
            fonts.setItem(FONT, r.font.embed(doc));
            COSDictionary xobjects = new COSDictionary();
            xobjects.setItem(SEAL, sealImage(doc, seal));
            COSDictionary states = new COSDictionary();
            PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
            gs.setBlendMode(BlendMode.MULTIPLY);
            states.setItem(MULTIPLY, gs);
            PDResources resources = new PDResources();
            resources.getCOSObject().setItem(COSName.FONT, fonts);
            resources.getCOSObject().setItem(COSName.XOBJECT, xobjects);
            resources.getCOSObject().setItem(COSName.EXT_G_STATE, states);
            page.setResources(resources);
            page.setContents(new PDStream(doc, new ByteArrayInputStream(r.cs.bytes()), COSName.FLATE_DECODE));
            metadata(doc, c.title() + " " + voucher.format(), voucher, at);
            PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(SRGB));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            doc.getDocumentCatalog().addOutputIntent(intent);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            // classic cross-reference table: the signature's incremental update then uses one as well, which every
            // checker (qpdf, poppler) reads without warnings
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new ReceiptException("receipt PDF could not be written: " + e.getMessage(), e);
        } catch (MianzhengException e) {
            throw e;
        } catch (RuntimeException e) {
            // a damaged host font, for instance: never let a library exception escape untyped
            throw new ReceiptException("receipt PDF could not be written: " + e.getClass().getSimpleName(), e);
        }
    }

    private void layout(ReceiptContent c, VoucherNumber voucher, ZonedDateTime at, SealArtwork seal) {
        String shownTime = SHOWN.format(at);
        y = PAGE_H - 72;
        black();
        centered(c.title(), 20);
        y -= 20;
        grey();
        centered("（依据《乌海市政务服务“免证办”工作运行规则》第十三条、第十四条出具）", 9);
        black();
        y -= 10;
        rule();

        section("一、凭证信息");
        row("凭证编号", voucher.format());
        row("出具时间", shownTime);
        row("出具系统", c.issuingSystem());
        row("出具单位", c.issuingUnit());

        section("二、办件信息");
        row("事项名称", c.itemName());
        row("事项编码", c.itemCode());
        row("业务流水号", c.bizNo());
        row("申请人", c.applicant().name());
        row(idLabel(c.applicant().id().type()), c.applicant().id().masked());
        row("数据来源", channelName(c.sourceChannel()));
        row("经办人", c.operatorName() + "（" + c.operatorId() + "）");

        if (c.material() != null) {
            ReceiptContent.LicenseMaterial m = c.material();
            section("三、材料信息");
            row("证照类型", m.typeName() + "（" + m.typeCode() + "）");
            row("证照编号", Texts.maskIdentityNumbers(m.number()));
            row("颁证单位", m.issuer());
            row("有效期限", (m.validFrom() == null ? "—" : m.validFrom().toString()) + " 至 "
                    + (m.validUntil() == null ? "长期" : m.validUntil().toString()));
            if (!m.surfaceData().isEmpty()) {
                row("照面信息", "");
                for (Map.Entry<String, String> e : m.surfaceData().entrySet()) {
                    indentedRow(Texts.maskIdentityNumbers(e.getKey()), Texts.maskIdentityNumbers(e.getValue()));
                }
            }
        } else {
            section("三、核验/开具结果");
            paragraph(Texts.maskIdentityNumbers(c.resultText()), LEFT + 12, RIGHT, BODY);
        }

        section("四、使用限制（第十五条）");
        float top = y + LEADING - 4;
        paragraph(PURPOSE_NOTICE, LEFT + 8, RIGHT - 8, BODY);
        float bottom = y + LEADING - 8;
        box(LEFT, bottom, RIGHT - LEFT, top - bottom);
        if (y < CONTENT_BOTTOM) {
            throw new ReceiptException("receipt content does not fit on one page (" + Math.round(CONTENT_BOTTOM - y)
                    + " pt too long): shorten the surface data or the result text");
        }
        footer(c, voucher, shownTime, seal);
    }

    private static String idLabel(HolderIdType type) {
        switch (type) {
            case RESIDENT_IDENTITY_NUMBER:
                return "公民身份号码";
            case UNIFIED_SOCIAL_CREDIT_CODE:
                return "统一社会信用代码";
            default:
                return "证件号码";
        }
    }

    private void footer(ReceiptContent c, VoucherNumber voucher, String shownTime, SealArtwork seal) {
        float lineY = 200;
        rightAligned("出具单位：" + c.issuingUnit(), lineY, BODY);
        rightAligned("凭证编号：" + voucher.format(), lineY - LEADING, BODY);
        rightAligned("出具时间：" + shownTime, lineY - 2 * LEADING, BODY);
        grey();
        float ny = 92;
        for (String line : wrap("加盖：" + seal.profile().name() + "。" + LEGAL_NOTE, 8, RIGHT - LEFT)) {
            text(LEFT, ny, 8, line);
            ny -= 11;
        }
        black();
        float w = (float) (seal.widthMm() / 25.4 * 72);
        float h = (float) (seal.heightMm() / 25.4 * 72);
        float cx = RIGHT - 90;
        float cy = lineY - LEADING + 3;
        cs.op("q").name(MULTIPLY).op("gs");
        cs.num(w).num(0).num(0).num(h).num(cx - w / 2).num(cy - h / 2).op("cm").name(SEAL).op("Do").op("Q");
    }

    private static PDImageXObject sealImage(PDDocument doc, SealArtwork seal) throws IOException {
        PDImageXObject mask = new PDImageXObject(doc, new ByteArrayInputStream(seal.alphaFlate()), COSName.FLATE_DECODE,
                seal.widthPx(), seal.heightPx(), 8, PDDeviceGray.INSTANCE);
        PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(seal.rgbFlate()), COSName.FLATE_DECODE,
                seal.widthPx(), seal.heightPx(), 8, PDDeviceRGB.INSTANCE);
        image.getCOSObject().setItem(COSName.SMASK, mask);
        return image;
    }

    private static void metadata(PDDocument doc, String title, VoucherNumber voucher, ZonedDateTime at) throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("mianzheng");
        info.setProducer("mianzheng-seal");
        info.setCreationDate(GregorianCalendar.from(at));
        info.setCustomMetadataValue(ReceiptService.VOUCHER_INFO_KEY, voucher.format());
        String date = XMP.format(at);
        String xmp = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\"\n"
                + "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                + "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                + "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                + "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                + "   <dc:format>application/pdf</dc:format>\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(title) + "</rdf:li></rdf:Alt></dc:title>\n"
                + "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
                + "   <xmp:CreatorTool>mianzheng</xmp:CreatorTool>\n"
                + "   <pdf:Producer>mianzheng-seal</pdf:Producer>\n"
                + "   <pdfaid:part>2</pdfaid:part>\n"
                + "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
        PDMetadata md = new PDMetadata(doc);
        md.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        doc.getDocumentCatalog().setMetadata(md);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---- drawing primitives ----

    private String sanitize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t') {
                sb.append(' ');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                return;
            } else if (font.hasGlyph(cp)) {
                sb.appendCodePoint(cp);
            } else {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    private float width(int cp, float size) {
        return font.width(cp) / 1000f * size;
    }

    private float width(String s, float size) {
        float total = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            total += width(cp, size);
            i += Character.charCount(cp);
        }
        return total;
    }

    private static boolean noLineStart(int cp) {
        return "，。；：、）》」』！？,.;:!?)]".indexOf(cp) >= 0;
    }

    List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String para : sanitizeLines(text)) {
            int[] cps = para.codePoints().toArray();
            StringBuilder line = new StringBuilder();
            float w = 0;
            int lastSpace = -1;
            for (int i = 0; i < cps.length; i++) {
                int cp = cps[i];
                float cw = width(cp, size);
                if (w + cw > maxWidth && line.length() > 0 && !noLineStart(cp)) {
                    boolean latin = cp < 0x2E80 && cp != ' ';
                    if (latin && lastSpace > 0) {
                        String rest = line.substring(lastSpace + 1);
                        lines.add(line.substring(0, lastSpace));
                        line.setLength(0);
                        line.append(rest);
                        w = width(rest, size);
                    } else {
                        lines.add(line.toString());
                        line.setLength(0);
                        w = 0;
                    }
                    lastSpace = -1;
                    if (cp == ' ') {
                        continue;
                    }
                }
                if (cp == ' ') {
                    lastSpace = line.length();
                }
                line.appendCodePoint(cp);
                w += cw;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private List<String> sanitizeLines(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split("\r\n|\r|\n", -1)) {
            out.add(sanitize(p));
        }
        return out;
    }

    private void text(float x, float yy, float size, String s) {
        if (s.isEmpty()) {
            return;
        }
        cs.text(FONT, size, x, yy, font.encode(s));
    }

    private void centered(String s, float size) {
        String t = sanitize(s);
        text((PAGE_W - width(t, size)) / 2, y, size, t);
    }

    private void rightAligned(String s, float yy, float size) {
        String t = sanitize(s);
        text(RIGHT - width(t, size), yy, size, t);
    }

    private void section(String title) {
        y -= 10;
        text(LEFT, y, 12, sanitize(title));
        y -= LEADING + 2;
    }

    /** A label and its value; the value column moves right for a label wider than it ({@code 统一社会信用代码}). */
    private void row(String label, String value) {
        String prefix = sanitize(label + "：");
        text(LEFT + 12, y, BODY, prefix);
        float vx = LEFT + 12 + Math.max(LABEL_W, width(prefix, BODY) + GAP);
        for (String line : wrap(value, BODY, RIGHT - vx)) {
            text(vx, y, BODY, line);
            y -= LEADING;
        }
    }

    /**
     * A surface-data field under {@code 照面信息}. Its label comes from the data: one wider than {@link #FIELD_LABEL_MAX}
     * is wrapped on lines of its own and the value follows below, indented, rather than run into it.
     */
    private void indentedRow(String label, String value) {
        String prefix = sanitize(label + "：");
        float x = LEFT + 12 + LABEL_W;
        float pw = width(prefix, BODY); // the full-width colon ends in its own space
        if (pw > FIELD_LABEL_MAX) {
            paragraph(prefix, x, RIGHT, BODY);
            for (String line : wrap(value, BODY, RIGHT - x - 2 * GAP)) {
                text(x + 2 * GAP, y, BODY, line);
                y -= LEADING;
            }
            return;
        }
        text(x, y, BODY, prefix);
        for (String line : wrap(value, BODY, RIGHT - x - pw)) {
            text(x + pw, y, BODY, line);
            y -= LEADING;
        }
    }

    private void paragraph(String s, float x0, float x1, float size) {
        for (String line : wrap(s, size, x1 - x0)) {
            text(x0, y, size, line);
            y -= LEADING;
        }
    }

    private void rule() {
        cs.num(0.8).op("w").num(LEFT).num(y).op("m").num(RIGHT).num(y).op("l").op("S");
        y -= 8;
    }

    private void box(float x, float yy, float w, float h) {
        cs.num(0.6).op("w").num(x).num(yy).num(w).num(h).op("re").op("S");
    }

    private void grey() {
        cs.fillRgb(0.35f, 0.35f, 0.35f);
    }

    private void black() {
        cs.fillRgb(0f, 0f, 0f);
        cs.strokeRgb(0f, 0f, 0f);
    }
}
