package org.mianzheng.seal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.HeaderTable;
import org.apache.fontbox.ttf.HorizontalHeaderTable;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Embeds the glyphs one receipt uses as a subset {@code Type0}/{@code CIDFontType2} font with {@code Identity-H}
 * encoding. CIDs are handed out in order of first use (1, 2, ...), so the width array, the CIDToGIDMap and the
 * ToUnicode CMap hold only the receipt's few hundred glyphs instead of the whole CJK font (which PDFBox's generic
 * embedder walks for every document). PDF/A: the font program is embedded, every CID has a glyph (never
 * {@code .notdef}), widths are those of the font program, and a ToUnicode CMap makes the text extractable.
 */
final class SubsetFont {
    private final ReceiptFont.Lease lease;
    private final TrueTypeFont ttf;
    private final float scale;
    private final Map<Integer, Integer> cidByCodePoint = new HashMap<>();
    private final List<Integer> codePoints = new ArrayList<>();
    private final Map<Integer, Float> widths = new HashMap<>();

    SubsetFont(ReceiptFont.Lease lease) throws IOException {
        this.lease = lease;
        this.ttf = lease.font();
        this.scale = 1000f / ttf.getUnitsPerEm();
        codePoints.add(0);
    }

    /** @return whether the font has a glyph for the code point */
    boolean hasGlyph(int codePoint) {
        return lease.hasGlyph(codePoint);
    }

    /** @return the advance width of the code point, in thousandths of the font size */
    float width(int codePoint) {
        Float w = widths.get(codePoint);
        if (w == null) {
            try {
                w = ttf.getAdvanceWidth(lease.glyphId(codePoint)) * scale;
            } catch (IOException e) {
                w = 1000f;
            }
            widths.put(codePoint, w);
        }
        return w;
    }

    /**
     * @param text text whose every code point has a glyph
     * @return the hexadecimal string operand ({@code <...>}) encoding it
     */
    String encode(String text) {
        StringBuilder sb = new StringBuilder(text.length() * 4 + 2).append('<');
        text.codePoints().forEach(cp -> {
            Integer cid = cidByCodePoint.get(cp);
            if (cid == null) {
                cid = codePoints.size();
                codePoints.add(cp);
                cidByCodePoint.put(cp, cid);
            }
            hex4(sb, cid);
        });
        return sb.append('>').toString();
    }

    private static void hex4(StringBuilder sb, int v) {
        String h = Integer.toHexString(v).toUpperCase(java.util.Locale.ROOT);
        for (int i = h.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(h);
    }

    /**
     * Writes the subset and the font dictionaries.
     *
     * @param doc the document
     * @return the Type0 font dictionary, for the page resources
     */
    COSDictionary embed(PDDocument doc) throws IOException {
        int n = codePoints.size() - 1;
        List<Integer> gids = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            gids.add(lease.glyphId(codePoints.get(i)));
        }
        GlyphSubsetter.Result subset = GlyphSubsetter.subset(ttf, gids);
        Map<Integer, Integer> oldToNew = subset.newByOld;
        String tag = tag();
        byte[] program = subset.font;

        byte[] cidToGid = new byte[2 * (n + 1)];
        COSArray w = new COSArray();
        COSArray ws = new COSArray();
        for (int cid = 1; cid <= n; cid++) {
            int cp = codePoints.get(cid);
            Integer gid = oldToNew.get(lease.glyphId(cp));
            if (gid == null) {
                throw new IOException("subset lacks the glyph of U+" + Integer.toHexString(cp));
            }
            cidToGid[2 * cid] = (byte) (gid >> 8);
            cidToGid[2 * cid + 1] = (byte) gid.intValue();
            ws.add(COSInteger.get(Math.round(width(cp))));
        }
        w.add(COSInteger.get(1));
        w.add(ws);

        String baseFont = tag + "+" + ttf.getName();
        COSDictionary fd = descriptor(baseFont);
        PDStream fontFile = stream(doc, program);
        fontFile.getCOSObject().setInt(COSName.LENGTH1, program.length);
        fd.setItem(COSName.FONT_FILE2, fontFile);

        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
        cidFont.setName(COSName.BASE_FONT, baseFont);
        COSDictionary info = new COSDictionary();
        info.setItem(COSName.REGISTRY, new COSString("Adobe"));
        info.setItem(COSName.ORDERING, new COSString("Identity"));
        info.setInt(COSName.SUPPLEMENT, 0);
        cidFont.setItem(COSName.CIDSYSTEMINFO, info);
        cidFont.setItem(COSName.FONT_DESC, fd);
        cidFont.setInt(COSName.DW, 1000);
        cidFont.setItem(COSName.W, w);
        cidFont.setItem(COSName.CID_TO_GID_MAP, stream(doc, cidToGid));

        COSDictionary type0 = new COSDictionary();
        type0.setItem(COSName.TYPE, COSName.FONT);
        type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
        type0.setName(COSName.BASE_FONT, baseFont);
        type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        type0.setItem(COSName.DESCENDANT_FONTS, descendants);
        type0.setItem(COSName.TO_UNICODE, stream(doc, toUnicode(n)));
        return type0;
    }

    private static PDStream stream(PDDocument doc, byte[] data) throws IOException {
        return new PDStream(doc, new ByteArrayInputStream(data), COSName.FLATE_DECODE);
    }

    private COSDictionary descriptor(String baseFont) throws IOException {
        HeaderTable head = ttf.getHeader();
        HorizontalHeaderTable hhea = ttf.getHorizontalHeader();
        OS2WindowsMetricsTable os2 = ttf.getOS2Windows();
        COSDictionary fd = new COSDictionary();
        fd.setItem(COSName.TYPE, COSName.FONT_DESC);
        fd.setName(COSName.FONT_NAME, baseFont);
        fd.setInt(COSName.FLAGS, 4);
        COSArray bbox = new COSArray();
        bbox.add(new COSFloat(head.getXMin() * scale));
        bbox.add(new COSFloat(head.getYMin() * scale));
        bbox.add(new COSFloat(head.getXMax() * scale));
        bbox.add(new COSFloat(head.getYMax() * scale));
        fd.setItem(COSName.FONT_BBOX, bbox);
        fd.setInt(COSName.ITALIC_ANGLE, 0);
        fd.setItem(COSName.ASCENT, new COSFloat(hhea.getAscender() * scale));
        fd.setItem(COSName.DESCENT, new COSFloat(hhea.getDescender() * scale));
        float cap = os2 != null && os2.getVersion() >= 2 ? os2.getCapHeight() * scale : hhea.getAscender() * scale * 0.9f;
        fd.setItem(COSName.CAP_HEIGHT, new COSFloat(cap));
        fd.setItem(COSName.STEM_V, new COSFloat((head.getXMax() - head.getXMin()) * scale * 0.13f));
        return fd;
    }

    private byte[] toUnicode(int n) {
        StringBuilder sb = new StringBuilder(64 + n * 20);
        sb.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (int start = 1; start <= n; start += 100) {
            int end = Math.min(n, start + 99);
            sb.append(end - start + 1).append(" beginbfchar\n");
            for (int cid = start; cid <= end; cid++) {
                sb.append('<');
                hex4(sb, cid);
                sb.append("> <");
                for (char ch : Character.toChars(codePoints.get(cid))) {
                    hex4(sb, ch);
                }
                sb.append(">\n");
            }
            sb.append("endbfchar\n");
        }
        sb.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A deterministic six-letter subset tag, as PDF requires for subset fonts. */
    private String tag() {
        long h = Arrays.hashCode(codePoints.stream().mapToInt(Integer::intValue).toArray()) & 0xFFFFFFFFL;
        char[] t = new char[6];
        for (int i = 0; i < 6; i++) {
            t[i] = (char) ('A' + (int) (h % 26));
            h /= 26;
        }
        return new String(t);
    }
}
