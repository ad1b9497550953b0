package org.mianzheng.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mianzheng.cityhub.CityHubProfile;
import org.mianzheng.core.calendar.CalendarJson;
import org.mianzheng.core.catalog.CatalogJson;
import org.mianzheng.examples.docs.MarkdownBlocks.Block;
import org.mianzheng.onewindow.OneWindowProfile;

/**
 * Every fenced code block of {@code README.md} and {@code docs/*.md} is checked, except those labelled {@code text}
 * (diagrams, sample output, transcripts); an unlabelled block, or one of a kind this test does not know, fails it.
 *
 * <ul>
 *   <li>{@code java}: compiled (see {@link JavaBlockCompiler}; the names snippets use are the fields of
 *       {@link DocContext}). A block preceded by {@code <!-- doc-test: verbatim PATH -->} is instead required to
 *       appear, character for character, in the Java source {@code PATH} (a {@code src/main/java} or
 *       {@code src/test/java} file of a module, so the build compiles it).</li>
 *   <li>{@code json}: parsed strictly with Jackson (no duplicate keys, no trailing tokens), then by the project's
 *       own reader that its marker names: {@code catalog} ({@link CatalogJson}), {@code calendar}
 *       ({@link CalendarJson}), {@code onewindow-profile} ({@link OneWindowProfile}), {@code cityhub-profile}
 *       ({@link CityHubProfile}), or {@code fragment REASON} (Jackson only, with the reason stated). A json
 *       block without a marker fails.</li>
 *   <li>{@code sh}/{@code bash}: the modules after {@code -pl}, the repository paths and the {@code org.mianzheng}
 *       classes they name exist (build outputs under {@code target/} excepted).</li>
 * </ul>
 */
class DocsCodeBlocksTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> SHELL = Set.of("sh", "bash");
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** @return README.md and docs/*.md, by path */
    static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    static List<Block> allBlocks() throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (Path f : markdownFiles()) {
            blocks.addAll(MarkdownBlocks.parse(ROOT.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8)));
        }
        return blocks;
    }

    private static List<Block> ofLang(Set<String> langs) throws IOException {
        return allBlocks().stream().filter(b -> langs.contains(b.lang())).collect(Collectors.toList());
    }

    @Test
    void everyBlockIsOfAKindThatIsCheckedAndEveryMarkerHasItsBlock() throws IOException {
        List<Block> blocks = allBlocks();
        assertThat(blocks).as("the docs' code blocks").hasSizeGreaterThan(20);
        assertThat(blocks.stream().filter(b -> !Set.of("java", "json", "sh", "bash", "text").contains(b.lang())).map(b -> b.where() + " (" + b.lang() + ")"))
                .as("blocks of a kind this test does not know: label them java, json, sh or bash (checked) or text (not code)").isEmpty();
        List<String> stray = new ArrayList<>();
        for (Path f : markdownFiles()) {
            String md = Files.readString(f, StandardCharsets.UTF_8);
            String name = ROOT.relativize(f).toString();
            Set<Integer> attached = MarkdownBlocks.parse(name, md).stream().map(Block::markerLine).collect(Collectors.toSet());
            MarkdownBlocks.markerLines(md).stream().filter(l -> !attached.contains(l)).forEach(l -> stray.add(name + ":" + l));
        }
        assertThat(stray).as("doc-test markers not right before a code block").isEmpty();
    }

    @Test
    void everyJavaBlockCompilesOrIsShownVerbatimFromACompiledSource() throws IOException {
        List<Block> java = ofLang(Set.of("java"));
        List<Block> toCompile = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int verbatim = 0;
        for (Block b : java) {
            if (b.marker() == null) {
                toCompile.add(b);
            } else if (b.marker().startsWith("verbatim ")) {
                problems.addAll(verbatimProblems(ROOT, b));
                verbatim++;
            } else {
                problems.add(b.where() + ": unknown doc-test marker for a java block: " + b.marker());
            }
        }
        JavaBlockCompiler.compile(toCompile).forEach(p -> problems.add(p.toString()));
        assertThat(problems).as("java blocks of the docs").isEmpty();
        assertThat(toCompile.size() + verbatim).isEqualTo(java.size());
        assertThat(toCompile).as("compiled blocks").hasSizeGreaterThanOrEqualTo(15);
    }

    /**
     * @param root  repository root
     * @param block a block marked {@code verbatim PATH}
     * @return what is wrong with the claim, empty if the source exists, is compiled by the build and contains the block
     */
    static List<String> verbatimProblems(Path root, Block block) {
        String path = block.marker().substring("verbatim ".length()).strip();
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || !path.endsWith(".java") || !(path.contains("/src/main/java/") || path.contains("/src/test/java/"))) {
            return List.of(block.where() + ": verbatim source must be a .java file under a module's src/main/java or src/test/java: " + path);
        }
        String module = path.substring(0, path.indexOf("/src/"));
        if (!Files.isRegularFile(file) || !Files.isRegularFile(root.resolve(module).resolve("pom.xml"))) {
            return List.of(block.where() + ": verbatim source does not exist in a module: " + path);
        }
        try {
            if (!Files.readString(file, StandardCharsets.UTF_8).contains(block.text())) {
                return List.of(block.where() + ": the block is not in " + path + " as shown (copy it again from the source)");
            }
        } catch (IOException e) {
            return List.of(block.where() + ": cannot read " + path + ": " + e);
        }
        return List.of();
    }

    @Test
    void everyJsonBlockParsesWithTheReaderItsMarkerNames() throws IOException {
        List<Block> json = ofLang(Set.of("json"));
        assertThat(json).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Block b : json) {
            problems.addAll(jsonProblems(b));
        }
        assertThat(problems).as("json blocks of the docs").isEmpty();
    }

    /**
     * @param b a json block
     * @return what is wrong with it, empty if it parses as its marker says
     */
    static List<String> jsonProblems(Block b) {
        try {
            STRICT.readTree(b.text());
        } catch (IOException e) {
            String msg = e.getMessage().lines().findFirst().orElse("");
            if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
                return List.of(b.file() + ":" + (b.firstLine() + jpe.getLocation().getLineNr() - 1) + ": not JSON: " + msg);
            }
            return List.of(b.where() + ": not JSON: " + msg);
        }
        String marker = b.marker() == null ? "" : b.marker();
        try {
            switch (marker.split("\\s+", 2)[0]) {
                case "catalog":
                    CatalogJson.parse(b.text());
                    break;
                case "calendar":
                    CalendarJson.parse(b.text());
                    break;
                case "onewindow-profile":
                    OneWindowProfile.fromJson(new ByteArrayInputStream(b.text().getBytes(StandardCharsets.UTF_8)));
                    break;
                case "cityhub-profile":
                    CityHubProfile.fromJson(new ByteArrayInputStream(b.text().getBytes(StandardCharsets.UTF_8)));
                    break;
                case "fragment":
                    if (marker.strip().equals("fragment")) {
                        return List.of(b.where() + ": say why the block is a fragment: <!-- doc-test: fragment REASON -->");
                    }
                    break;
                default:
                    return List.of(b.where() + ": a json block needs a marker naming its reader: <!-- doc-test: catalog | calendar | "
                            + "onewindow-profile | cityhub-profile | fragment REASON -->" + (marker.isEmpty() ? "" : ", not " + marker));
            }
        } catch (RuntimeException e) {
            return List.of(b.where() + ": " + marker + " reader refuses it: " + e.getMessage());
        }
        return List.of();
    }

    @Test
    void shellBlocksNameModulesPathsAndClassesThatExist() throws IOException {
        List<Block> shell = ofLang(SHELL);
        assertThat(shell).isNotEmpty();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Block b : shell) {
            List<String> refs = shellReferences(b);
            checked += refs.size();
            for (String ref : refs) {
                if (!referenceExists(ROOT, ref)) {
                    problems.add(b.where() + ": " + ref + " does not exist");
                }
            }
        }
        assertThat(problems).as("shell blocks of the docs").isEmpty();
        assertThat(checked).as("references checked").isGreaterThanOrEqualTo(5);
    }

    private static final Pattern REPO_PATH = Pattern.compile("[\\w.-]+(/[\\w.@-]+)+/?");
    private static final Pattern PROJECT_CLASS = Pattern.compile("org\\.mianzheng(\\.[a-z]\\w*)+\\.[A-Z]\\w*");

    /**
     * @param b a shell block
     * @return what it refers to in the repository: {@code module:NAME}, {@code class:FQN} and {@code path:PATH}
     */
    static List<String> shellReferences(Block b) {
        List<String> refs = new ArrayList<>();
        for (String line : b.lines()) {
            String code = line.replaceAll("(^|\\s)#.*$", "");
            String[] words = code.trim().split("\\s+");
            for (int i = 0; i < words.length; i++) {
                String w = words[i].replaceAll("^[\"']|[\"']$", "");
                if (w.equals("-pl") && i + 1 < words.length) {
                    for (String m : words[i + 1].split(",")) {
                        refs.add("module:" + m);
                    }
                    i++;
                    continue;
                }
                String value = w.startsWith("-") && w.contains("=") ? w.substring(w.indexOf('=') + 1) : w;
                if (PROJECT_CLASS.matcher(value).matches()) {
                    refs.add("class:" + value);
                } else if (REPO_PATH.matcher(value).matches() && !value.startsWith("/")) {
                    refs.add("path:" + value);
                }
            }
        }
        return refs;
    }

    /**
     * @param root repository root
     * @param ref  a reference from {@link #shellReferences}
     * @return whether it exists; a path whose first segment is not in the repository (a file the reader makes) counts
     *         as existing, and a build output under {@code target/} only needs its module (the root's, none)
     */
    static boolean referenceExists(Path root, String ref) {
        String kind = ref.substring(0, ref.indexOf(':'));
        String value = ref.substring(ref.indexOf(':') + 1);
        switch (kind) {
            case "module":
                return Files.isRegularFile(root.resolve(value).resolve("pom.xml"));
            case "class":
                String file = "src/main/java/" + value.replace('.', '/') + ".java";
                try (Stream<Path> modules = Files.walk(root, 3)) {
                    return modules.anyMatch(m -> Files.isRegularFile(m.resolve("pom.xml")) && Files.isRegularFile(m.resolve(file)));
                } catch (IOException e) {
                    return false;
                }
            default:
                String first = value.split("/")[0];
                if (first.equals("target")) {
                    return true;
                }
                int target = value.indexOf("/target/");
                if (target >= 0) {
                    return Files.isRegularFile(root.resolve(value.substring(0, target)).resolve("pom.xml"));
                }
                return !Files.exists(root.resolve(first)) || Files.exists(root.resolve(value));
        }
    }
}
