package org.mianzheng.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README shows exactly the code that {@link EmbeddingExample} compiles and {@link MainTest} runs. */
class ReadmeTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void readmeEmbeddingExampleIsTheCompiledOne() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Embedding"));
        String block = section.substring(section.indexOf("```java\n") + 8, section.indexOf("\n```", section.indexOf("```java\n")));
        String source = Files.readString(ROOT.resolve("examples/src/main/java/org/mianzheng/examples/EmbeddingExample.java"),
                StandardCharsets.UTF_8);
        String body = source.substring(source.indexOf("// README:BEGIN\n") + 16, source.indexOf("        // README:END"));
        String expected = Arrays.stream(body.split("\n")).map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .collect(Collectors.joining("\n")).stripTrailing();
        assertThat(block).isEqualTo(expected);
        assertThat(block.split("\n").length).isLessThanOrEqualTo(25);
    }

    @Test
    void readmeOpensWithTheTwoCommandsAndCiRunsTheTestCommand() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String head = String.join("\n", lines.subList(0, 8));
        assertThat(head).contains("java -jar examples/target/mianzheng-examples.jar").contains("mvn -B verify");
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("mvn -B verify");
    }
}
