package org.mianzheng.seal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.ReceiptException;

/**
 * The TrueType font receipts are set in; embedded into each receipt as a subset (PDF/A requires embedded fonts).
 *
 * <p>{@link #bundled()} is WenQuanYi Micro Hei (文泉驿微米黑), shipped in this jar under the Apache License 2.0
 * (dual-licensed upstream with GPLv3 + font exception; see {@code org/mianzheng/seal/fonts/LICENSE-wqy-microhei.txt}).
 * A host can use its own TrueType font or collection ({@code .ttf}, {@code .ttc}) instead; it must have glyphs for
 * Chinese, Latin letters and digits and permit embedding. CFF-outline fonts ({@code .otf}, e.g. Noto CJK) are
 * refused: PDFBox cannot subset-embed them.
 *
 * <p>Thread-safe: parsed font instances are pooled and each receipt borrows one while it is written.
 */
public final class ReceiptFont {
    /** PostScript name of the bundled font in its collection. */
    public static final String BUNDLED_FONT_NAME = "WenQuanYiMicroHei";
    /** Largest font file accepted. */
    public static final int MAX_FONT_BYTES = 64 * 1024 * 1024;
    private static final String BUNDLED_RESOURCE = "fonts/wqy-microhei.ttc";
    private static final String PROBE = "凭证编号乌海市核验专用章0123456789ABCXabcx：（）";
    private static final int MAX_POOLED = 4;
    private static volatile ReceiptFont bundled;

    private final byte[] data;
    private final String requestedName;
    private final String label;
    private final String postScriptName;
    private final ConcurrentLinkedQueue<Loaded> pool = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pooled = new AtomicInteger();

    private ReceiptFont(byte[] data, String requestedName, String label) {
        this.data = data;
        this.requestedName = requestedName;
        this.label = label;
        Loaded first = load();
        try {
            TrueTypeFont ttf = first.font;
            this.postScriptName = ttf.getName();
            OS2WindowsMetricsTable os2 = ttf.getOS2Windows();
            if (os2 != null) {
                int fsType = os2.getFsType();
                if ((fsType & 0x000F) == OS2WindowsMetricsTable.FSTYPE_RESTRICTED) {
                    throw new ReceiptException("font " + label + " forbids embedding (OS/2 fsType restricted licence)");
                }
                if ((fsType & OS2WindowsMetricsTable.FSTYPE_BITMAP_ONLY) != 0) {
                    throw new ReceiptException("font " + label + " permits bitmap embedding only");
                }
            }
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            int[] cps = PROBE.codePoints().toArray();
            for (int cp : cps) {
                if (cmap.getGlyphId(cp) <= 0) {
                    throw new ReceiptException("font " + label + " has no glyph for U+" + Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)
                            + "; receipts need Chinese, Latin letters and digits");
                }
            }
        } catch (IOException e) {
            throw new ReceiptException("font " + label + " cannot be read: " + e.getMessage(), e);
        }
        giveBack(first);
    }

    /** @return the bundled WenQuanYi Micro Hei font (loaded once) */
    public static ReceiptFont bundled() {
        ReceiptFont f = bundled;
        if (f == null) {
            synchronized (ReceiptFont.class) {
                f = bundled;
                if (f == null) {
                    byte[] bytes;
                    try (InputStream in = ReceiptFont.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                        if (in == null) {
                            throw new ReceiptException("bundled font " + BUNDLED_RESOURCE + " is missing from the jar");
                        }
                        bytes = in.readAllBytes();
                    } catch (IOException e) {
                        throw new ReceiptException("bundled font cannot be read", e);
                    }
                    f = new ReceiptFont(bytes, BUNDLED_FONT_NAME, "WenQuanYi Micro Hei (bundled)");
                    bundled = f;
                }
            }
        }
        return f;
    }

    /**
     * @param path     a TrueType font ({@code .ttf}) or collection ({@code .ttc})
     * @param fontName PostScript name of the font in a collection, or {@code null} for the first one
     * @return the font
     * @throws ReceiptException if it cannot be read, lacks glyphs or forbids embedding
     */
    public static ReceiptFont fromPath(Path path, String fontName) {
        InvalidValueException.requireNonNull(path, "path");
        try {
            if (Files.size(path) > MAX_FONT_BYTES) {
                throw new ReceiptException("font file larger than " + MAX_FONT_BYTES + " bytes");
            }
            return new ReceiptFont(Files.readAllBytes(path), fontName, path.getFileName().toString());
        } catch (IOException e) {
            throw new ReceiptException("font file cannot be read: " + path.getFileName(), e);
        }
    }

    /**
     * @param bytes    a TrueType font or collection
     * @param fontName PostScript name of the font in a collection, or {@code null} for the first one
     * @return the font
     * @throws ReceiptException if it cannot be read, lacks glyphs or forbids embedding
     */
    public static ReceiptFont fromBytes(byte[] bytes, String fontName) {
        InvalidValueException.requireNonNull(bytes, "bytes");
        if (bytes.length > MAX_FONT_BYTES) {
            throw new ReceiptException("font larger than " + MAX_FONT_BYTES + " bytes");
        }
        return new ReceiptFont(bytes.clone(), fontName, "font of " + bytes.length + " bytes");
    }

    /** @return the font's PostScript name */
    public String name() {
        return postScriptName;
    }

    @Override
    public String toString() {
        return "ReceiptFont[" + postScriptName + ", " + label + "]";
    }

    /** A parsed font and what must be closed with it. */
    static final class Loaded {
        final TrueTypeFont font;
        final AutoCloseable owner;
        final CmapLookup cmap;

        Loaded(TrueTypeFont font, AutoCloseable owner) throws IOException {
            this.font = font;
            this.owner = owner;
            this.cmap = font.getUnicodeCmapLookup();
        }

        void close() {
            try {
                owner.close();
            } catch (Exception e) {
                // nothing left to release
            }
        }
    }

    /** A borrowed font; closing it returns it to the pool. */
    final class Lease implements AutoCloseable {
        private Loaded loaded;

        Lease(Loaded loaded) {
            this.loaded = loaded;
        }

        TrueTypeFont font() {
            return loaded.font;
        }

        boolean hasGlyph(int codePoint) {
            return loaded.cmap.getGlyphId(codePoint) > 0;
        }

        int glyphId(int codePoint) {
            return loaded.cmap.getGlyphId(codePoint);
        }

        @Override
        public void close() {
            if (loaded != null) {
                giveBack(loaded);
                loaded = null;
            }
        }
    }

    Lease lease() {
        Loaded l = pool.poll();
        if (l != null) {
            pooled.decrementAndGet();
            return new Lease(l);
        }
        return new Lease(load());
    }

    private void giveBack(Loaded l) {
        if (pooled.incrementAndGet() <= MAX_POOLED) {
            pool.offer(l);
        } else {
            pooled.decrementAndGet();
            l.close();
        }
    }

    private Loaded load() {
        try {
            boolean collection = data.length > 4 && data[0] == 't' && data[1] == 't' && data[2] == 'c' && data[3] == 'f';
            if (collection) {
                TrueTypeCollection ttc = new TrueTypeCollection(new ByteArrayInputStream(data));
                TrueTypeFont chosen;
                if (requestedName != null) {
                    chosen = ttc.getFontByName(requestedName);
                    if (chosen == null) {
                        List<String> names = new ArrayList<>();
                        ttc.processAllFonts(f -> names.add(f.getName()));
                        ttc.close();
                        throw new ReceiptException("font collection has no font named " + requestedName + "; it has " + names);
                    }
                } else {
                    List<TrueTypeFont> fonts = new ArrayList<>();
                    ttc.processAllFonts(fonts::add);
                    chosen = fonts.get(0);
                }
                return new Loaded(chosen, ttc);
            }
            if (data.length > 4 && data[0] == 'O' && data[1] == 'T' && data[2] == 'T' && data[3] == 'O') {
                throw new ReceiptException("CFF-outline OpenType fonts cannot be subset-embedded by PDFBox; use a TrueType font");
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(data));
            return new Loaded(ttf, ttf);
        } catch (ReceiptException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ReceiptException("font cannot be parsed: " + e.getMessage(), e);
        }
    }
}
