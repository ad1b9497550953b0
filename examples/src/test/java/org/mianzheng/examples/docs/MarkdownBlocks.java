package org.mianzheng.examples.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the fenced code blocks of a markdown file, each with the line it starts on and the {@code doc-test} marker
 * that may stand right before it.
 *
 * <p>A marker is an HTML comment on the last non-blank line before the opening fence, e.g.
 * {@code <!-- doc-test: catalog -->}; markdown renderers do not show it.
 */
final class MarkdownBlocks {
    private static final Pattern OPEN = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([^`\\s]*).*$");
    static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*doc-test:\\s*(.*?)\\s*-->\\s*$");

    private MarkdownBlocks() {
    }

    /**
     * One fenced block.
     *
     * @param file       the markdown file, as it should appear in messages (e.g. {@code docs/catalog.md})
     * @param fenceLine  1-based line of the opening fence
     * @param lang       the info string's first word, lower case ({@code ""} when unlabelled)
     * @param lines      the lines between the fences
     * @param marker     the {@code doc-test} marker's text, or {@code null}
     * @param markerLine 1-based line of the marker, or 0
     */
    record Block(String file, int fenceLine, String lang, List<String> lines, String marker, int markerLine) {
        Block {
            lines = List.copyOf(lines);
        }

        /** @return 1-based line of the block's first content line */
        int firstLine() {
            return fenceLine + 1;
        }

        /** @return the content, lines joined with {@code \n} */
        String text() {
            return String.join("\n", lines);
        }

        /** @return {@code file:line} of the opening fence */
        String where() {
            return file + ":" + fenceLine;
        }
    }

    /**
     * @param file     name for messages
     * @param markdown the markdown text
     * @return every fenced block, in order
     * @throws IllegalArgumentException if a fence is not closed
     */
    static List<Block> parse(String file, String markdown) {
        String[] lines = markdown.split("\r?\n", -1);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher open = OPEN.matcher(lines[i]);
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(1);
            String lang = open.group(2).toLowerCase(java.util.Locale.ROOT);
            int close = -1;
            for (int j = i + 1; j < lines.length; j++) {
                String t = lines[j].strip();
                if (t.length() >= fence.length() && t.chars().allMatch(c -> c == fence.charAt(0))
                        && lines[j].indexOf(fence.charAt(0)) <= 3) {
                    close = j;
                    break;
                }
            }
            if (close < 0) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": code fence is never closed");
            }
            String marker = null;
            int markerLine = 0;
            for (int k = i - 1; k >= 0; k--) {
                if (!lines[k].isBlank()) {
                    Matcher m = MARKER.matcher(lines[k]);
                    if (m.matches()) {
                        marker = m.group(1);
                        markerLine = k + 1;
                    }
                    break;
                }
            }
            List<String> content = new ArrayList<>();
            for (int j = i + 1; j < close; j++) {
                content.add(lines[j]);
            }
            blocks.add(new Block(file, i + 1, lang, content, marker, markerLine));
            i = close;
        }
        return blocks;
    }

    /**
     * @param markdown the markdown text
     * @return 1-based lines of every {@code doc-test} marker, whether or not a block follows it
     */
    static List<Integer> markerLines(String markdown) {
        String[] lines = markdown.split("\r?\n", -1);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (MARKER.matcher(lines[i]).matches()) {
                found.add(i + 1);
            }
        }
        return found;
    }
}
