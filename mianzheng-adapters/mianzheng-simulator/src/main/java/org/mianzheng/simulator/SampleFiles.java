package org.mianzheng.simulator;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Generates small, valid sample files: a one-page PDF with a line of text, and a PNG "seal". */
public final class SampleFiles {
    private SampleFiles() {
    }

    /**
     * @param lines ASCII lines of text (other characters become '?')
     * @return a valid one-page PDF 1.4 (Helvetica, correct cross-reference table)
     */
    public static byte[] pdf(List<String> lines) {
        StringBuilder content = new StringBuilder("BT /F1 12 Tf 72 780 Td 16 TL\n");
        for (String l : lines) {
            content.append('(').append(escape(l)).append(") Tj T*\n");
        }
        content.append("ET\n");
        byte[] stream = content.toString().getBytes(StandardCharsets.US_ASCII);
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
        objects.add("<< /Length " + stream.length + " >>\nstream\n" + new String(stream, StandardCharsets.US_ASCII) + "endstream");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        long[] offsets = new long[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = out.size();
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        long xref = out.size();
        StringBuilder x = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (long o : offsets) {
            x.append(String.format("%010d 00000 n \n", o));
        }
        x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, x.toString());
        return out.toByteArray();
    }

    /**
     * @param seed varies the image
     * @return a small PNG (a red seal ring on white), drawn without fonts so it works headless
     */
    public static byte[] png(long seed) {
        BufferedImage img = new BufferedImage(160, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 160, 160);
            g.setColor(new Color(200, 16, 32));
            g.setStroke(new BasicStroke(6));
            g.drawOval(10, 10, 140, 140);
            int[] xs = {80, 90, 118, 96, 104, 80, 56, 64, 42, 70};
            int[] ys = {48, 70, 72, 88, 114, 100, 114, 88, 72, 70};
            g.fillPolygon(xs, ys, xs.length);
            g.fillRect(40, 124 + (int) (Math.abs(seed) % 4), 80, 6);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding to memory failed", e);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        out.write(b, 0, b.length);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                b.append('\\').append(c);
            } else if (c >= 32 && c < 127) {
                b.append(c);
            } else {
                b.append('?');
            }
        }
        return b.toString();
    }
}
