package org.mianzheng.seal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.TTFTable;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * Subsets a {@code glyf}-outline TrueType font to the given glyphs and the components of their composite glyphs,
 * renumbering glyphs in ascending order of their original ids (0 = {@code .notdef} stays 0). Writes the tables a
 * PDF {@code CIDFontType2} program needs: {@code head}, {@code hhea}, {@code maxp}, {@code loca} (long format),
 * {@code glyf}, {@code hmtx}, and, when present, the hinting tables {@code cvt }, {@code fpgm}, {@code prep},
 * {@code gasp}. Linear in the number of glyphs kept (fontbox's subsetter renumbers composite components by scanning
 * a sorted set, which is quadratic for CJK fonts full of composites).
 */
final class GlyphSubsetter {
    private static final String[] COPIED = {"cvt ", "fpgm", "prep", "gasp"};

    /** The subset font and how glyph ids were renumbered. */
    static final class Result {
        final byte[] font;
        final Map<Integer, Integer> newByOld;

        Result(byte[] font, Map<Integer, Integer> newByOld) {
            this.font = font;
            this.newByOld = newByOld;
        }
    }

    private GlyphSubsetter() {
    }

    static Result subset(TrueTypeFont ttf, Iterable<Integer> glyphIds) throws IOException {
        long[] loca = ttf.getIndexToLocation().getOffsets();
        long glyfOffset = ttf.getGlyph().getOffset();
        // the glyph bytes are read from the font's original data in ascending order
        TreeSet<Integer> keep = new TreeSet<>();
        keep.add(0);
        Deque<Integer> pending = new ArrayDeque<>();
        for (Integer g : glyphIds) {
            if (keep.add(g)) {
                pending.add(g);
            }
        }
        Map<Integer, byte[]> glyphs = new HashMap<>();
        TreeSet<Integer> unread = new TreeSet<>(keep);
        while (!unread.isEmpty()) {
            // one sequential pass over the font data per level of composite nesting
            try (InputStream in = ttf.getOriginalData()) {
                readGlyphs(in, glyfOffset, loca, unread, glyphs);
            }
            unread = new TreeSet<>();
            while (!pending.isEmpty()) {
                int g = pending.poll();
                for (int component : components(glyphs.get(g))) {
                    if (keep.add(component)) {
                        unread.add(component);
                    }
                }
            }
            pending.addAll(unread);
        }
        int n = keep.size();
        Map<Integer, Integer> newByOld = new HashMap<>(n * 2);
        int next = 0;
        for (int g : keep) {
            newByOld.put(g, next++);
        }

        ByteArrayOutputStream glyf = new ByteArrayOutputStream(32 * 1024);
        ByteBuffer locaOut = ByteBuffer.allocate(4 * (n + 1));
        ByteBuffer hmtx = ByteBuffer.allocate(4 * n);
        HorizontalMetricsTable metrics = ttf.getHorizontalMetrics();
        for (int g : keep) {
            locaOut.putInt(glyf.size());
            byte[] bytes = glyphs.get(g);
            if (bytes != null && bytes.length > 0) {
                bytes = bytes.clone();
                renumberComponents(bytes, newByOld);
                glyf.write(bytes);
                while ((glyf.size() & 3) != 0) {
                    glyf.write(0);
                }
            }
            hmtx.putShort((short) metrics.getAdvanceWidth(g));
            hmtx.putShort((short) metrics.getLeftSideBearing(g));
        }
        locaOut.putInt(glyf.size());

        TreeMap<String, byte[]> tables = new TreeMap<>();
        byte[] head = table(ttf, "head");
        Arrays.fill(head, 8, 12, (byte) 0);
        head[50] = 0;
        head[51] = 1;
        tables.put("head", head);
        byte[] hhea = table(ttf, "hhea");
        hhea[34] = (byte) (n >> 8);
        hhea[35] = (byte) n;
        tables.put("hhea", hhea);
        byte[] maxp = table(ttf, "maxp");
        maxp[4] = (byte) (n >> 8);
        maxp[5] = (byte) n;
        tables.put("maxp", maxp);
        tables.put("loca", locaOut.array());
        tables.put("glyf", glyf.toByteArray());
        tables.put("hmtx", hmtx.array());
        for (String tag : COPIED) {
            TTFTable t = ttf.getTableMap().get(tag);
            if (t != null) {
                tables.put(tag, ttf.getTableBytes(t));
            }
        }
        return new Result(write(tables), newByOld);
    }

    private static byte[] table(TrueTypeFont ttf, String tag) throws IOException {
        TTFTable t = ttf.getTableMap().get(tag);
        if (t == null) {
            throw new IOException("font lacks the " + tag + " table");
        }
        return ttf.getTableBytes(t);
    }

    private static void readGlyphs(InputStream in, long glyfOffset, long[] loca, TreeSet<Integer> ids, Map<Integer, byte[]> out)
            throws IOException {
        long pos = 0;
        for (int g : ids) {
            if (g < 0 || g + 1 >= loca.length) {
                throw new IOException("glyph " + g + " is outside the font");
            }
            long start = glyfOffset + loca[g];
            int length = (int) (loca[g + 1] - loca[g]);
            if (length < 0) {
                throw new IOException("glyph " + g + " has a negative length");
            }
            in.skipNBytes(start - pos);
            out.put(g, in.readNBytes(length));
            pos = start + length;
        }
    }

    private static final int ARG_1_AND_2_ARE_WORDS = 0x0001;
    private static final int WE_HAVE_A_SCALE = 0x0008;
    private static final int MORE_COMPONENTS = 0x0020;
    private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
    private static final int WE_HAVE_A_TWO_BY_TWO = 0x0080;

    private static int[] components(byte[] glyph) {
        if (glyph == null || glyph.length < 10 || (short) ((glyph[0] & 0xFF) << 8 | glyph[1] & 0xFF) >= 0) {
            return new int[0];
        }
        int[] out = new int[4];
        int count = 0;
        int off = 10;
        int flags;
        do {
            flags = u16(glyph, off);
            if (count == out.length) {
                out = Arrays.copyOf(out, count * 2);
            }
            out[count++] = u16(glyph, off + 2);
            off = nextComponent(off, flags);
        } while ((flags & MORE_COMPONENTS) != 0 && off + 4 <= glyph.length);
        return Arrays.copyOf(out, count);
    }

    private static void renumberComponents(byte[] glyph, Map<Integer, Integer> newByOld) {
        if (glyph.length < 10 || (short) ((glyph[0] & 0xFF) << 8 | glyph[1] & 0xFF) >= 0) {
            return;
        }
        int off = 10;
        int flags;
        do {
            flags = u16(glyph, off);
            int g = newByOld.get(u16(glyph, off + 2));
            glyph[off + 2] = (byte) (g >> 8);
            glyph[off + 3] = (byte) g;
            off = nextComponent(off, flags);
        } while ((flags & MORE_COMPONENTS) != 0 && off + 4 <= glyph.length);
    }

    private static int nextComponent(int off, int flags) {
        off += 4;
        off += (flags & ARG_1_AND_2_ARE_WORDS) != 0 ? 4 : 2;
        if ((flags & WE_HAVE_A_SCALE) != 0) {
            off += 2;
        } else if ((flags & WE_HAVE_AN_X_AND_Y_SCALE) != 0) {
            off += 4;
        } else if ((flags & WE_HAVE_A_TWO_BY_TWO) != 0) {
            off += 8;
        }
        return off;
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF;
    }

    /** Writes an sfnt with a table directory, 4-byte aligned tables, checksums and the head checksum adjustment. */
    private static byte[] write(TreeMap<String, byte[]> tables) {
        int numTables = tables.size();
        int headerLength = 12 + 16 * numTables;
        int total = headerLength;
        for (byte[] t : tables.values()) {
            total += (t.length + 3) & ~3;
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        int entrySelector = 31 - Integer.numberOfLeadingZeros(numTables);
        int searchRange = (1 << entrySelector) * 16;
        out.putInt(0x00010000).putShort((short) numTables).putShort((short) searchRange).putShort((short) entrySelector)
                .putShort((short) (numTables * 16 - searchRange));
        int offset = headerLength;
        int headOffset = -1;
        for (Map.Entry<String, byte[]> e : tables.entrySet()) {
            byte[] t = e.getValue();
            for (char ch : e.getKey().toCharArray()) {
                out.put((byte) ch);
            }
            out.putInt((int) checksum(t, 0, t.length)).putInt(offset).putInt(t.length);
            if (e.getKey().equals("head")) {
                headOffset = offset;
            }
            offset += (t.length + 3) & ~3;
        }
        for (byte[] t : tables.values()) {
            out.put(t);
            for (int i = t.length; (i & 3) != 0; i++) {
                out.put((byte) 0);
            }
        }
        byte[] font = out.array();
        long adjustment = (0xB1B0AFBAL - checksum(font, 0, font.length)) & 0xFFFFFFFFL;
        ByteBuffer.wrap(font, headOffset + 8, 4).putInt((int) adjustment);
        return font;
    }

    private static long checksum(byte[] b, int from, int length) {
        long sum = 0;
        int i = from;
        int end = from + length;
        while (i < end) {
            long word = 0;
            for (int k = 0; k < 4; k++) {
                word = (word << 8) | (i + k < end ? b[i + k] & 0xFF : 0);
            }
            sum = (sum + word) & 0xFFFFFFFFL;
            i += 4;
        }
        return sum;
    }
}
