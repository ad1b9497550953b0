package org.mianzheng.seal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.ReceiptException;
import org.mianzheng.api.SealProfile;

/**
 * Renders a {@link SealProfile} into a {@link SealArtwork}: the customary red round seal — outer ring, five-point
 * star in the centre, the seal name along the upper arc (glyph outlines taken from the {@link ReceiptFont}, so no
 * system font is needed), optional text under the star — or the profile's PNG.
 *
 * <p>Rendering is costly; {@link SealRegistry} renders each profile once and caches the artwork.
 * {@link #renderCount()} tells how often this renderer actually drew. Thread-safe.
 */
public final class SealRenderer {
    /** Raster resolution of drawn seals. */
    public static final double DOTS_PER_MM = 300 / 25.4;
    /** Largest PNG dimension accepted. */
    public static final int MAX_PNG_DIMENSION = 4096;

    private final ReceiptFont font;
    private final AtomicLong renders = new AtomicLong();

    /** @param font font whose glyph outlines draw the seal text */
    public SealRenderer(ReceiptFont font) {
        this.font = InvalidValueException.requireNonNull(font, "font");
    }

    /** @return how many times {@link #render} has run */
    public long renderCount() {
        return renders.get();
    }

    /**
     * @param profile the profile
     * @return the rendered seal
     * @throws ReceiptException if the profile's PNG cannot be decoded or the font lacks a glyph of the seal text
     */
    public SealArtwork render(SealProfile profile) {
        InvalidValueException.requireNonNull(profile, "profile");
        renders.incrementAndGet();
        if (profile.isImage()) {
            return new SealArtwork(profile, decodePng(profile.png()), profile.diameterMm());
        }
        return new SealArtwork(profile, draw(profile), profile.diameterMm());
    }

    private static BufferedImage decodePng(byte[] png) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
            if (!readers.hasNext()) {
                throw new ReceiptException("no PNG decoder available");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w > MAX_PNG_DIMENSION || h > MAX_PNG_DIMENSION) {
                    throw new ReceiptException("seal PNG must be 1 to " + MAX_PNG_DIMENSION + " pixels wide and high, is " + w + "x" + h);
                }
                BufferedImage img = reader.read(0);
                BufferedImage argb = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
                Graphics2D g = argb.createGraphics();
                try {
                    g.drawImage(img, 0, 0, null);
                } finally {
                    g.dispose();
                }
                return argb;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ReceiptException) {
                throw (ReceiptException) e;
            }
            throw new ReceiptException("seal PNG cannot be decoded: " + e.getClass().getSimpleName(), e);
        }
    }

    private BufferedImage draw(SealProfile p) {
        int size = (int) Math.round(p.diameterMm() * DOTS_PER_MM);
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try (ReceiptFont.Lease lease = font.lease()) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(new Color(p.colorRgb()));
            double d = size;
            double c = d / 2;
            double ring = d * 0.032;
            g.setStroke(new BasicStroke((float) ring));
            double rr = c - ring / 2 - 1;
            g.draw(new Ellipse2D.Double(c - rr, c - rr, 2 * rr, 2 * rr));
            g.fill(star(c, c, d * 0.18));
            drawArcText(g, lease, p.name(), c, d, ring);
            if (p.textUnderStar() != null) {
                drawLine(g, lease, p.textUnderStar(), c, c + d * 0.27, d * 0.085);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ReceiptException) {
                throw (ReceiptException) e;
            }
            throw new ReceiptException("seal text glyphs cannot be read from the font", e);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static Path2D star(double cx, double cy, double outer) {
        double inner = outer * 0.382;
        Path2D.Double s = new Path2D.Double();
        for (int k = 0; k < 10; k++) {
            double a = Math.toRadians(-90 + k * 36);
            double r = (k & 1) == 0 ? outer : inner;
            double x = cx + r * Math.cos(a);
            double y = cy + r * Math.sin(a);
            if (k == 0) {
                s.moveTo(x, y);
            } else {
                s.lineTo(x, y);
            }
        }
        s.closePath();
        return s;
    }

    private static void drawArcText(Graphics2D g, ReceiptFont.Lease lease, String text, double c, double d, double ring)
            throws IOException {
        int[] cps = text.codePoints().toArray();
        int n = cps.length;
        TrueTypeFont ttf = lease.font();
        double upem = ttf.getUnitsPerEm();
        double emCenter = (ttf.getHorizontalHeader().getAscender() + ttf.getHorizontalHeader().getDescender()) / 2.0;
        double span = Math.max(90, Math.min(235, n * 16.0));
        double step = n > 1 ? span / (n - 1) : 0;
        double textTop = c - ring - d * 0.035;
        double height = d * 0.15;
        double width = height;
        for (int iter = 0; iter < 2; iter++) {
            double rc = textTop - height / 2;
            double arcPerChar = n > 1 ? rc * Math.toRadians(step) : d * 0.15;
            width = Math.min(arcPerChar * 0.9, d * 0.14);
            height = Math.min(d * 0.15, width * 1.3);
        }
        double rc = textTop - height / 2;
        for (int i = 0; i < n; i++) {
            double theta = n > 1 ? 90 + span / 2 - i * step : 90;
            double rad = Math.toRadians(theta);
            GlyphOutline glyph = outline(lease, cps[i]);
            AffineTransform t = new AffineTransform();
            t.translate(c + rc * Math.cos(rad), c - rc * Math.sin(rad));
            t.rotate(Math.toRadians(90 - theta));
            t.scale(width / upem, -height / upem);
            t.translate(-glyph.advance / 2.0, -emCenter);
            g.fill(t.createTransformedShape(glyph.path));
        }
    }

    private static void drawLine(Graphics2D g, ReceiptFont.Lease lease, String text, double cx, double cy, double em)
            throws IOException {
        TrueTypeFont ttf = lease.font();
        double upem = ttf.getUnitsPerEm();
        double emCenter = (ttf.getHorizontalHeader().getAscender() + ttf.getHorizontalHeader().getDescender()) / 2.0;
        int[] cps = text.codePoints().toArray();
        GlyphOutline[] glyphs = new GlyphOutline[cps.length];
        double total = 0;
        for (int i = 0; i < cps.length; i++) {
            glyphs[i] = outline(lease, cps[i]);
            total += glyphs[i].advance;
        }
        double scale = em / upem;
        double x = cx - total * scale / 2;
        for (GlyphOutline glyph : glyphs) {
            AffineTransform t = new AffineTransform();
            t.translate(x, cy);
            t.scale(scale, -scale);
            t.translate(0, -emCenter);
            g.fill(t.createTransformedShape(glyph.path));
            x += glyph.advance * scale;
        }
    }

    private static final class GlyphOutline {
        final GeneralPath path;
        final int advance;

        GlyphOutline(GeneralPath path, int advance) {
            this.path = path;
            this.advance = advance;
        }
    }

    private static GlyphOutline outline(ReceiptFont.Lease lease, int codePoint) throws IOException {
        int gid = lease.glyphId(codePoint);
        if (gid <= 0) {
            throw new ReceiptException("the font has no glyph for U+" + Integer.toHexString(codePoint).toUpperCase(java.util.Locale.ROOT)
                    + " used in the seal text");
        }
        TrueTypeFont ttf = lease.font();
        GlyphData data = ttf.getGlyph().getGlyph(gid);
        GeneralPath path = data == null ? new GeneralPath() : data.getPath();
        return new GlyphOutline(path, ttf.getAdvanceWidth(gid));
    }
}
