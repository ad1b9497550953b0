package org.mianzheng.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianzheng.examples.docs.JavaBlockCompiler.Problem;
import org.mianzheng.examples.docs.MarkdownBlocks.Block;

/** The checks of {@link DocsCodeBlocksTest} fail on broken blocks, at the right line. */
class DocsCodeBlocksSelfTest {
    private static final String DOC = String.join("\n",
            "# Title",                                                          // 1
            "",                                                                 // 2
            "```java",                                                          // 3
            "String s = mz.clock().getZone().getId();",                         // 4
            "mz.catalogue();                 // no such method",                 // 5
            "```",                                                              // 6
            "",                                                                 // 7
            "<!-- doc-test: calendar -->",                                      // 8
            "```json",                                                          // 9
            "{\"schemaVersion\": 1, \"years\": [{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", \"kind\": \"OFF\"}]}]}", // 10
            "```",                                                              // 11
            "",                                                                 // 12
            "```java",                                                          // 13
            "/** A unit. */",                                                   // 14
            "final class Fine {",                                               // 15
            "    int n = Integer.parseInt(\"1\");",                             // 16
            "    Duration d = \"not a duration\";",                             // 17
            "}",                                                                // 18
            "```",                                                              // 19
            "");

    @Test
    void parserFindsBlocksWithLinesLanguagesAndMarkers() {
        List<Block> blocks = MarkdownBlocks.parse("docs/x.md", DOC);
        assertThat(blocks).extracting(Block::lang).containsExactly("java", "json", "java");
        assertThat(blocks).extracting(Block::fenceLine).containsExactly(3, 9, 13);
        assertThat(blocks.get(0).marker()).isNull();
        assertThat(blocks.get(1).marker()).isEqualTo("calendar");
        assertThat(blocks.get(1).markerLine()).isEqualTo(8);
        assertThat(blocks.get(1).text()).startsWith("{\"schemaVersion\": 1, ").endsWith("}]}]}");
        assertThat(MarkdownBlocks.markerLines(DOC)).containsExactly(8);
        assertThatThrownBy(() -> MarkdownBlocks.parse("docs/y.md", "text\n```java\nint x;\n")).hasMessageContaining("docs/y.md:2");
    }

    @Test
    void snippetsAndUnitsAreToldApart() {
        List<Block> blocks = MarkdownBlocks.parse("docs/x.md", DOC);
        assertThat(JavaBlockCompiler.isUnit(blocks.get(0))).isFalse();
        assertThat(JavaBlockCompiler.isUnit(blocks.get(2))).isTrue();
    }

    @Test
    void aWrongMethodNameAndAWrongTypeAreReportedAtTheirMarkdownLines() {
        List<Block> java = MarkdownBlocks.parse("docs/x.md", DOC).stream().filter(b -> b.lang().equals("java")).toList();
        List<Problem> problems = JavaBlockCompiler.compile(java);
        assertThat(problems).extracting(Problem::toString).hasSize(2);
        assertThat(problems.get(0).toString()).startsWith("docs/x.md:5: ").contains("cannot find symbol").contains("catalogue()");
        assertThat(problems.get(1).toString()).startsWith("docs/x.md:17: ").contains("incompatible types");
    }

    @Test
    void correctBlocksCompileWithoutProblems() {
        String md = "```java\nMianzheng built = Mianzheng.builder().clock(clock).auditSubjectKey(key).build();\n"
                + "List<HolidayYear> years = CalendarJson.parse(path);\n```\n";
        assertThat(JavaBlockCompiler.compile(MarkdownBlocks.parse("docs/ok.md", md))).isEmpty();
    }

    @Test
    void aCompleteSourceFileIsCompiledAsShown() {
        String md = "```java\npackage org.example.shown;\n\nimport java.util.List;\n\n/** A class with a comment. */\n"
                + "public final class Shown {\n    List<String> names = List.of(1);\n}\n```\n";
        List<Block> blocks = MarkdownBlocks.parse("docs/p.md", md);
        assertThat(JavaBlockCompiler.isUnit(blocks.get(0))).isTrue();
        assertThat(JavaBlockCompiler.compile(blocks)).extracting(Problem::toString).singleElement().asString()
                .startsWith("docs/p.md:8: ").contains("incompatible types");
    }

    @Test
    void anUndeclaredFreeNameIsAnError() {
        String md = "```java\nmz.catalog().file(undeclaredFiling);\n```\n";
        assertThat(JavaBlockCompiler.compile(MarkdownBlocks.parse("docs/free.md", md))).extracting(Problem::toString)
                .singleElement().asString().startsWith("docs/free.md:2: ").contains("undeclaredFiling");
    }

    @Test
    void anElisionIsNotJava() {
        String md = "```java\ntry (Mianzheng m = Mianzheng.builder().build()) {\n    ...\n}\n```\n";
        assertThat(JavaBlockCompiler.compile(MarkdownBlocks.parse("docs/dots.md", md))).extracting(Problem::toString)
                .first().asString().startsWith("docs/dots.md:3: ");
    }

    @Test
    void jsonBlocksAreReadByTheReaderTheirMarkerNames() {
        List<Block> ok = MarkdownBlocks.parse("docs/x.md", DOC);
        assertThat(DocsCodeBlocksTest.jsonProblems(ok.get(1))).isEmpty();
        String bad = "<!-- doc-test: calendar -->\n```json\n{\"schemaVersion\": 1, \"years\": [{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", \"kind\": \"OFF\"}]}], \"extra\": true}\n```\n";
        assertThat(DocsCodeBlocksTest.jsonProblems(MarkdownBlocks.parse("docs/c.md", bad).get(0))).singleElement().asString()
                .startsWith("docs/c.md:2: calendar reader refuses it");
        String duplicate = "<!-- doc-test: fragment a piece -->\n```json\n{\"a\": 1,\n \"a\": 2}\n```\n";
        assertThat(DocsCodeBlocksTest.jsonProblems(MarkdownBlocks.parse("docs/d.md", duplicate).get(0))).singleElement().asString()
                .startsWith("docs/d.md:4: not JSON").contains("Duplicate field 'a'");
        String unmarked = "```json\n{}\n```\n";
        assertThat(DocsCodeBlocksTest.jsonProblems(MarkdownBlocks.parse("docs/e.md", unmarked).get(0))).singleElement().asString()
                .contains("needs a marker");
        String noReason = "<!-- doc-test: fragment -->\n```json\n{}\n```\n";
        assertThat(DocsCodeBlocksTest.jsonProblems(MarkdownBlocks.parse("docs/f.md", noReason).get(0))).singleElement().asString()
                .contains("say why");
    }

    @Test
    void aVerbatimClaimIsChecked(@TempDir Path root) throws Exception {
        Path src = root.resolve("mod/src/test/java/p/Shown.java");
        Files.createDirectories(src.getParent());
        Files.writeString(root.resolve("mod/pom.xml"), "<project/>", StandardCharsets.UTF_8);
        Files.writeString(src, "package p;\n\nclass Shown {\n    int x;\n}\n", StandardCharsets.UTF_8);
        Block shown = MarkdownBlocks.parse("docs/v.md", "<!-- doc-test: verbatim mod/src/test/java/p/Shown.java -->\n```java\nclass Shown {\n    int x;\n}\n```\n").get(0);
        assertThat(DocsCodeBlocksTest.verbatimProblems(root, shown)).isEmpty();
        Block changed = MarkdownBlocks.parse("docs/v.md", "<!-- doc-test: verbatim mod/src/test/java/p/Shown.java -->\n```java\nclass Shown {\n    long x;\n}\n```\n").get(0);
        assertThat(DocsCodeBlocksTest.verbatimProblems(root, changed)).singleElement().asString().contains("not in mod/src/test/java/p/Shown.java");
        Block missing = MarkdownBlocks.parse("docs/v.md", "<!-- doc-test: verbatim mod/src/test/java/p/Gone.java -->\n```java\nclass Shown {\n    int x;\n}\n```\n").get(0);
        assertThat(DocsCodeBlocksTest.verbatimProblems(root, missing)).singleElement().asString().contains("does not exist");
        Block notSource = MarkdownBlocks.parse("docs/v.md", "<!-- doc-test: verbatim mod/pom.xml -->\n```java\nclass Shown {\n}\n```\n").get(0);
        assertThat(DocsCodeBlocksTest.verbatimProblems(root, notSource)).singleElement().asString().contains("must be a .java file");
    }

    @Test
    void shellReferencesAreFoundAndChecked(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("bench/src/main/java/org/mianzheng/bench"));
        Files.writeString(root.resolve("bench/pom.xml"), "<project/>", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("bench/src/main/java/org/mianzheng/bench/Sample.java"), "", StandardCharsets.UTF_8);
        Files.createDirectories(root.resolve("docs"));
        Block b = MarkdownBlocks.parse("docs/s.md", "```sh\nmvn -pl bench,gone package   # build\n"
                + "java -cp bench/target/b.jar org.mianzheng.bench.Sample org.mianzheng.bench.Missing --out=docs/missing.png out/x.txt\n```\n").get(0);
        List<String> refs = DocsCodeBlocksTest.shellReferences(b);
        assertThat(refs).containsExactly("module:bench", "module:gone", "path:bench/target/b.jar", "class:org.mianzheng.bench.Sample",
                "class:org.mianzheng.bench.Missing", "path:docs/missing.png", "path:out/x.txt");
        assertThat(refs.stream().filter(r -> !DocsCodeBlocksTest.referenceExists(root, r)))
                .containsExactly("module:gone", "class:org.mianzheng.bench.Missing", "path:docs/missing.png");
    }
}
