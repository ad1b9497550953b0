package org.mianzheng.tck.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/adapters.md shows the worked example exactly as it compiles and runs here. */
class DocsInSyncTest {
    private static String body(String file) throws Exception {
        String s = Files.readString(Path.of("src/test/java/org/mianzheng/tck/example/" + file), StandardCharsets.UTF_8);
        return s.substring(s.indexOf("/** The worked example")).strip();
    }

    @Test
    void workedExampleIsShownVerbatim() throws Exception {
        String doc = Files.readString(Path.of("../../docs/adapters.md"), StandardCharsets.UTF_8);
        assertThat(doc).contains(body("ProvinceLicenseSource.java"));
        assertThat(doc).contains(body("ProvinceLicenseSourceCompatibilityTest.java"));
    }
}
