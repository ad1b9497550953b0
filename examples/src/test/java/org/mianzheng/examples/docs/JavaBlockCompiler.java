package org.mianzheng.examples.docs;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.mianzheng.examples.docs.MarkdownBlocks.Block;

/**
 * Compiles the {@code java} blocks of the docs in memory with {@link javax.tools.JavaCompiler}, against the test
 * class path, and reports every error at its line in the markdown file.
 *
 * <p>A block that declares a type (it starts, after comments, with {@code import}, an annotation or a class,
 * interface, record or enum declaration) is compiled as a compilation unit of its own; one that starts with
 * {@code package} is a complete source file and is compiled exactly as shown. Any other block is a
 * snippet: it becomes the body of a method of a subclass of {@link DocContext}, whose fields are the names the docs
 * use without declaring them ({@code mz}, {@code bizNo}, {@code key}, ...). Both get the {@link #IMPORTS} header
 * and a package of their own, so blocks cannot see each other.
 */
final class JavaBlockCompiler {
    /** On-demand imports every block gets: the project's public packages and the JDK packages the docs use. */
    static final List<String> IMPORTS = List.of(
            "java.io", "java.net", "java.net.http", "java.nio.charset", "java.nio.file", "java.security.cert", "java.time",
            "java.util", "java.util.concurrent", "java.util.function", "javax.sql",
            "org.mianzheng.api", "org.mianzheng.api.spi",
            "org.mianzheng.core", "org.mianzheng.core.accounts", "org.mianzheng.core.audit", "org.mianzheng.core.calendar",
            "org.mianzheng.core.cases", "org.mianzheng.core.catalog", "org.mianzheng.core.consent", "org.mianzheng.core.guard",
            "org.mianzheng.core.retrieval", "org.mianzheng.core.store", "org.mianzheng.core.supervision",
            "org.mianzheng.core.workorders",
            "org.mianzheng.platform", "org.mianzheng.onewindow", "org.mianzheng.cityhub", "org.mianzheng.simulator",
            "org.mianzheng.seal", "org.mianzheng.seal.pades", "org.mianzheng.seal.signing", "org.mianzheng.seal.store",
            "org.mianzheng.seal.verify", "org.mianzheng.store.jdbc", "org.mianzheng.tck",
            "org.mianzheng.examples");
    private static final Pattern UNIT_START = Pattern.compile(
            "^(package\\s|import\\s|@|((public|protected|private|abstract|final|sealed|non-sealed|static|strictfp)\\s+)*(class|interface|enum|record)\\s).*",
            Pattern.DOTALL);

    /**
     * One compile error, located in the markdown file.
     *
     * @param file    markdown file
     * @param line    1-based line in that file
     * @param message the compiler's message
     */
    record Problem(String file, long line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private JavaBlockCompiler() {
    }

    /**
     * @param block a java block
     * @return whether it is compiled as a compilation unit rather than as a snippet
     */
    static boolean isUnit(Block block) {
        StringBuilder code = new StringBuilder();
        boolean inComment = false;
        for (String l : block.lines()) {
            String t = l.strip();
            if (inComment) {
                int end = t.indexOf("*/");
                if (end < 0) {
                    continue;
                }
                inComment = false;
                t = t.substring(end + 2).strip();
            }
            if (t.startsWith("/*")) {
                int end = t.indexOf("*/", 2);
                if (end < 0) {
                    inComment = true;
                    continue;
                }
                t = t.substring(end + 2).strip();
            }
            if (t.isEmpty() || t.startsWith("//")) {
                continue;
            }
            code.append(t).append('\n');
            break;
        }
        return UNIT_START.matcher(code).matches();
    }

    /**
     * Compiles the blocks in one compiler run. javac does not attribute any file when one has a syntax error, so
     * after a failed run the blocks without errors are compiled again, until a run adds no error: every block is
     * then reported with its first kind of error.
     *
     * @param blocks java blocks
     * @return every error (and every deprecation warning), located in the markdown; empty when all compile
     */
    static List<Problem> compile(List<Block> blocks) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK");
        }
        List<Source> pending = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            pending.add(Source.of(blocks.get(i), i));
        }
        List<Problem> problems = new ArrayList<>();
        while (!pending.isEmpty()) {
            Map<Source, List<Problem>> found = run(javac, pending);
            if (found.isEmpty()) {
                break;
            }
            found.values().forEach(problems::addAll);
            pending.removeAll(found.keySet());
        }
        problems.sort(java.util.Comparator.comparing(Problem::file).thenComparingLong(Problem::line));
        return problems;
    }

    private static Map<Source, List<Problem>> run(JavaCompiler javac, List<Source> sources) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, java.nio.charset.StandardCharsets.UTF_8);
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none", "-implicit:none",
                "-Xlint:deprecation", "-encoding", "UTF-8");
        Boolean ok;
        try (InMemoryOutput output = new InMemoryOutput(standard)) {
            ok = javac.getTask(null, output, diagnostics, options, null, sources).call();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<Source, List<Problem>> found = new java.util.LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            boolean error = d.getKind() == Diagnostic.Kind.ERROR;
            boolean deprecation = d.getKind() != Diagnostic.Kind.NOTE && d.getMessage(Locale.ROOT).contains("deprecat");
            if (!error && !deprecation) {
                continue;
            }
            String message = (error ? "" : "warning: ") + d.getMessage(Locale.ROOT).replace('\n', ' ').replaceAll("\\s+", " ")
                    .replaceAll("org\\.mianzheng\\.docblocks\\.\\w+\\.", "");
            Source s = sources.stream().filter(x -> x == d.getSource()).findFirst().orElse(null);
            if (s == null) {
                throw new IllegalStateException("compiler error outside the docs' blocks: " + message);
            }
            found.computeIfAbsent(s, k -> new ArrayList<>()).add(s.locate(d.getLineNumber(), message));
        }
        if (!Boolean.TRUE.equals(ok) && found.isEmpty()) {
            throw new IllegalStateException("compilation failed without a diagnostic");
        }
        return found;
    }

    /** A generated source: the block in its wrapper. */
    private static final class Source extends SimpleJavaFileObject {
        private final Block block;
        private final String code;
        private final int offset;

        private Source(Block block, URI uri, String code, int offset) {
            super(uri, Kind.SOURCE);
            this.block = block;
            this.code = code;
            this.offset = offset;
        }

        static Source of(Block block, int index) {
            String stem = block.file().replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT);
            String pkg = "org.mianzheng.docblocks.b" + index + "_" + stem + "_l" + block.firstLine();
            String declarations = block.text().replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
            java.util.regex.Matcher own = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;").matcher(declarations);
            StringBuilder head = new StringBuilder();
            if (own.find()) {
                pkg = own.group(1);      // a complete source file: compiled exactly as shown
            } else {
                head.append("package ").append(pkg).append(";\n");
                for (String p : IMPORTS) {
                    head.append("import ").append(p).append(".*;\n");
                }
            }
            String className;
            if (isUnit(block)) {
                java.util.regex.Matcher m = Pattern.compile("\\b(class|interface|enum|record)\\s+([A-Za-z_$][\\w$]*)").matcher(declarations);
                className = m.find() ? m.group(2) : "Unit";
            } else {
                className = "Snippet";
                head.append("@SuppressWarnings({\"unused\", \"rawtypes\", \"unchecked\"}) final class Snippet extends ")
                        .append(DocContext.class.getName()).append(" { void run() throws Throwable {\n");
            }
            int offset = (int) head.chars().filter(c -> c == '\n').count();
            String code = head + block.text() + (isUnit(block) ? "\n" : "\n}}\n");
            URI uri = URI.create("string:///" + pkg.replace('.', '/') + "/" + className + Kind.SOURCE.extension);
            return new Source(block, uri, code, offset);
        }

        Problem locate(long generatedLine, String message) {
            long inBlock = generatedLine - offset - 1;
            if (inBlock < 0 || inBlock >= block.lines().size()) {
                return new Problem(block.file(), block.fenceLine(), "(in the wrapper of the block) " + message);
            }
            return new Problem(block.file(), block.firstLine() + inBlock, message);
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    /** Keeps class files in memory; they are not needed after the check. */
    private static final class InMemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
        InMemoryOutput(StandardJavaFileManager standard) {
            super(standard);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(JavaFileManager.Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream();
                }
            };
        }
    }
}
