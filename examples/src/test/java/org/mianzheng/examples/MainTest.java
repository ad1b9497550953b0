package org.mianzheng.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mianzheng.core.Mianzheng;

class MainTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T01:30:00Z"), Mianzheng.DEFAULT_ZONE);

    @Test
    void mainJobPassesAndSaysSo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(CLOCK, 0, dir);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        assertThat(out).contains("ALL CHECKS PASSED").contains("MUST_SUBMIT").contains("EXEMPT").contains("DIRECTED")
                .doesNotContain("11010519491231002X");
        // the slow steps (simulators and H2 store, demo CA and signing) are announced before they start
        assertThat(out.indexOf("(starting the platform simulators")).isNotNegative().isLessThan(out.indexOf("simulators on loopback:"));
        assertThat(out.indexOf("(a fresh demo CA and seal key")).isNotNegative().isLessThan(out.indexOf(" B_T "));
        // the job ends by writing the supervision report and printing its path
        java.nio.file.Path html = dir.resolve("usage-report-2026-03-02.html");
        assertThat(out).contains("supervision report: " + html.toAbsolutePath().normalize());
        assertThat(java.nio.file.Files.readString(html)).contains("<svg").doesNotContain("<script").doesNotContain("11010519491231002X");
        assertThat(dir.resolve("usage-report-2026-03-02.json")).exists();
        assertThat(dir.resolve("usage-report-2026-03-02.csv")).exists();
    }

    @Test
    void embeddingExampleRuns() {
        var r = EmbeddingExample.run(CLOCK);
        assertThat(r.outcome()).isEqualTo(org.mianzheng.api.RetrievalOutcome.RETRIEVED);
        assertThat(r.channel()).isEqualTo("onewindow");
    }

    @Test
    void sampleCatalogIsLargeAndVaried() {
        var doc = SampleCatalog.document();
        assertThat(doc.items()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(doc.items().stream().mapToInt(i -> i.materials().size()).sum()).isGreaterThanOrEqualTo(60);
        assertThat(doc.items().stream().flatMap(i -> i.materials().stream()).filter(m -> m.riskCategory() != null)).isNotEmpty();
    }
}
