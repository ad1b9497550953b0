package org.mianzheng.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/** The subset font program keeps every glyph outline (composites included) and metric of the glyphs it was cut for. */
class GlyphSubsetterTest {

    @Test
    void outlinesAndWidthsSurviveSubsetting() throws Exception {
        String text = "乌海市证照数据共享查询核验专用章凭证编号（）：，。ABCxyz0123456789 Binhe Road 12号户籍晶品鑫森";
        try (ReceiptFont.Lease lease = ReceiptFont.bundled().lease()) {
            TrueTypeFont original = lease.font();
            List<Integer> gids = new ArrayList<>();
            text.codePoints().forEach(cp -> gids.add(lease.glyphId(cp)));
            GlyphSubsetter.Result r = GlyphSubsetter.subset(original, gids);
            TrueTypeFont subset = new TTFParser(true).parse(new RandomAccessReadBuffer(r.font));
            assertThat(subset.getNumberOfGlyphs()).isEqualTo(r.newByOld.size()).isLessThan(200);
            int composites = 0;
            for (int oldGid : gids) {
                int newGid = r.newByOld.get(oldGid);
                GlyphData a = original.getGlyph().getGlyph(oldGid);
                GlyphData b = subset.getGlyph().getGlyph(newGid);
                composites += a != null && a.getDescription().isComposite() ? 1 : 0;
                assertThat(outline(b)).as("glyph %d", oldGid).isEqualTo(outline(a));
                assertThat(subset.getAdvanceWidth(newGid)).isEqualTo(original.getAdvanceWidth(oldGid));
            }
            assertThat(composites).as("the sample exercises composite glyphs").isPositive();
            assertThat(r.newByOld.get(0)).isZero();
        }
    }

    private static List<Double> outline(GlyphData g) {
        List<Double> coords = new ArrayList<>();
        if (g == null) {
            return coords;
        }
        double[] c = new double[6];
        for (PathIterator it = g.getPath().getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            coords.add((double) type);
            for (int i = 0; i < 6; i++) {
                coords.add(c[i]);
            }
        }
        return coords;
    }
}
