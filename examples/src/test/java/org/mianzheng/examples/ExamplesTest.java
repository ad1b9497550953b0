package org.mianzheng.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.mianzheng.core.Mianzheng;

class ExamplesTest {

    @Test
    void loadingANewYearMovesTheProvisionalDeadline() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var shifts = LoadHolidayYearExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(shifts).singleElement().satisfies(s -> {
            // 15 minutes left on Thursday 30 Sep, then the National Day holiday: due Friday 8 Oct 08:45 instead of Friday 1 Oct
            assertThat(s.answerDueBefore()).isEqualTo(ZonedDateTime.of(2027, 10, 1, 8, 45, 0, 0, Mianzheng.DEFAULT_ZONE).toInstant());
            assertThat(s.answerDueAfter()).isEqualTo(ZonedDateTime.of(2027, 10, 8, 8, 45, 0, 0, Mianzheng.DEFAULT_ZONE).toInstant());
            assertThat(s.provisionalAfter()).isFalse();
        });
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("provisional true").contains("provisional false");
    }

    @org.junit.jupiter.api.Test
    void commandLineVerifierAcceptsTheDemoReceiptsAndCatchesTampering(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        int code = new Main(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(MainTest.CLOCK, 0, dir);
        assertThat(code).isZero();
        java.nio.file.Path receipts = dir.resolve("receipts");
        java.nio.file.Path pem = receipts.resolve("trust-anchor.pem");
        java.nio.file.Path pdf;
        try (var files = java.nio.file.Files.list(receipts)) {
            pdf = files.filter(p -> p.toString().endsWith(".pdf")).sorted().findFirst().orElseThrow();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(VerifyReceiptExample.run(new String[] {pdf.toString(), pem.toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .as(bytes.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("RECEIPT VALID").contains("WHMZ");
        byte[] tampered = java.nio.file.Files.readAllBytes(pdf);
        tampered[tampered.length / 3] ^= 1;
        java.nio.file.Path bad = dir.resolve("tampered.pdf");
        java.nio.file.Files.write(bad, tampered);
        assertThat(VerifyReceiptExample.run(new String[] {bad.toString(), pem.toString()}, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(VerifyReceiptExample.run(new String[] {"only-one"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
    }
}
