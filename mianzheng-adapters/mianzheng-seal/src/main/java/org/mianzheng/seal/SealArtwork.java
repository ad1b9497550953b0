package org.mianzheng.seal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.mianzheng.api.SealProfile;

/**
 * A seal rendered once from a {@link SealProfile}: the raster with transparency, and its PDF image streams
 * (Flate-compressed RGB samples and alpha soft mask) ready to be placed into any number of receipts without being
 * drawn or compressed again. Immutable.
 */
public final class SealArtwork {
    private final SealProfile profile;
    private final int widthPx;
    private final int heightPx;
    private final double widthMm;
    private final double heightMm;
    private final byte[] rgbFlate;
    private final byte[] alphaFlate;
    private final BufferedImage image;

    SealArtwork(SealProfile profile, BufferedImage argb, double widthMm) {
        this.profile = profile;
        this.image = argb;
        this.widthPx = argb.getWidth();
        this.heightPx = argb.getHeight();
        this.widthMm = widthMm;
        this.heightMm = widthMm * heightPx / widthPx;
        int n = widthPx * heightPx;
        byte[] rgb = new byte[n * 3];
        byte[] alpha = new byte[n];
        int[] row = new int[widthPx];
        for (int y = 0; y < heightPx; y++) {
            argb.getRGB(0, y, widthPx, 1, row, 0, widthPx);
            for (int x = 0; x < widthPx; x++) {
                int p = row[x];
                int i = y * widthPx + x;
                alpha[i] = (byte) (p >>> 24);
                rgb[3 * i] = (byte) (p >> 16);
                rgb[3 * i + 1] = (byte) (p >> 8);
                rgb[3 * i + 2] = (byte) p;
            }
        }
        this.rgbFlate = deflate(rgb);
        this.alphaFlate = deflate(alpha);
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 8 + 64);
            byte[] buf = new byte[16384];
            while (!d.finished()) {
                int k = d.deflate(buf);
                out.write(buf, 0, k);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** @return the profile this was rendered from */
    public SealProfile profile() {
        return profile;
    }

    /** @return width in pixels */
    public int widthPx() {
        return widthPx;
    }

    /** @return height in pixels */
    public int heightPx() {
        return heightPx;
    }

    /** @return printed width in millimetres */
    public double widthMm() {
        return widthMm;
    }

    /** @return printed height in millimetres */
    public double heightMm() {
        return heightMm;
    }

    byte[] rgbFlate() {
        return rgbFlate;
    }

    byte[] alphaFlate() {
        return alphaFlate;
    }

    /** @return the seal as a PNG with transparency (e.g. to show it in an administration screen) */
    public byte[] toPng() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
