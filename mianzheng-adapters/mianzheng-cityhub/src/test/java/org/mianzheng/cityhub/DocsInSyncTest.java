package org.mianzheng.cityhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/adapters.md shows the default profile exactly as shipped. */
class DocsInSyncTest {
    @Test
    void defaultProfileIsShownVerbatim() throws Exception {
        String doc = Files.readString(Path.of("../../docs/adapters.md"), StandardCharsets.UTF_8);
        try (InputStream in = getClass().getResourceAsStream("/org/mianzheng/cityhub/default-profile.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(doc).contains("```json\n" + json + "\n```");
        }
    }
}
