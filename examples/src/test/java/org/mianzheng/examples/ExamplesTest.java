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
}
