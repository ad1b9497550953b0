package org.mianzheng.seal;

import java.nio.charset.StandardCharsets;

/** A page content stream written operator by operator (PDF 32000 §8, §9). */
final class PageContent {
    private final StringBuilder sb = new StringBuilder(16 * 1024);

    PageContent op(String operator) {
        sb.append(operator).append('\n');
        return this;
    }

    PageContent num(double v) {
        long scaled = Math.round(v * 1000);
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        sb.append(scaled / 1000);
        long frac = scaled % 1000;
        if (frac != 0) {
            sb.append('.');
            if (frac < 100) {
                sb.append('0');
            }
            if (frac < 10) {
                sb.append('0');
            }
            String f = Long.toString(frac);
            int end = f.length();
            while (end > 1 && f.charAt(end - 1) == '0') {
                end--;
            }
            sb.append(f, 0, end);
        }
        sb.append(' ');
        return this;
    }

    PageContent name(String resource) {
        sb.append('/').append(resource).append(' ');
        return this;
    }

    PageContent raw(String operand) {
        sb.append(operand).append(' ');
        return this;
    }

    void text(String fontResource, float size, float x, float y, String hexString) {
        op("BT").name(fontResource).num(size).op("Tf").num(x).num(y).op("Td").raw(hexString).op("Tj").op("ET");
    }

    void fillRgb(float r, float g, float b) {
        num(r).num(g).num(b).op("rg");
    }

    void strokeRgb(float r, float g, float b) {
        num(r).num(g).num(b).op("RG");
    }

    byte[] bytes() {
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
