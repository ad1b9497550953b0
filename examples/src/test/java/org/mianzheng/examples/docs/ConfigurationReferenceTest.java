package org.mianzheng.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.retrieval.RetrievalSettings;
import org.mianzheng.core.workorders.SlaSettings;
import org.mianzheng.platform.PlatformConfig;
import org.mianzheng.platform.PlatformCredentials;
import org.mianzheng.platform.RetryPolicy;
import org.mianzheng.platform.Timeouts;
import org.mianzheng.platform.TlsConfig;
import org.mianzheng.seal.ReceiptService;
import org.mianzheng.seal.pades.HttpTimestampClient;
import org.mianzheng.seal.pades.PadesSigner;
import org.mianzheng.seal.signing.Pkcs11SigningProvider;
import org.mianzheng.seal.signing.RemoteSigningProvider;
import org.mianzheng.seal.verify.ReceiptVerifier;
import org.mianzheng.simulator.SimulatorConfig;
import org.mianzheng.store.jdbc.JdbcStores;

/**
 * {@code docs/configuration.md} lists every setting: each public setter of the documented builders and each field of
 * the documented settings records appears in a table row of its section, in code, with a non-empty default cell.
 * Where the code exposes its defaults (records with {@code defaults()}, a default {@link PlatformConfig}), the
 * default cell of the setting's own row must also state that value.
 */
class ConfigurationReferenceTest {
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The sections of configuration.md, by heading, and the names each must document. */
    private static Map<String, Set<String>> sections() {
        Map<String, Set<String>> s = new LinkedHashMap<>();
        s.put("## Engine: `Mianzheng.builder()`", setters(Mianzheng.Builder.class));
        s.put("### `RetrievalSettings`", components(RetrievalSettings.class));
        s.put("### `SlaSettings`", components(SlaSettings.class));
        s.put("## Durable stores (`mianzheng-store-jdbc`)", Arrays.stream(JdbcStores.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new)));
        s.put("## Platform clients: `PlatformConfig`", union(setters(PlatformConfig.Builder.class), components(Timeouts.class),
                components(RetryPolicy.class), components(TlsConfig.class), components(PlatformCredentials.class)));
        s.put("## Simulator: `SimulatorConfig`", union(setters(SimulatorConfig.Builder.class), components(SimulatorConfig.class)));
        s.put("### `ReceiptService.builder()`", setters(ReceiptService.Builder.class));
        s.put("### `PadesSigner.builder(provider)`", setters(PadesSigner.Builder.class));
        s.put("### Time-stamp client: `HttpTimestampClient.builder(uri)`", setters(HttpTimestampClient.Builder.class));
        s.put("### `ReceiptVerifier.builder()`", setters(ReceiptVerifier.Builder.class));
        s.put("### Signing providers", union(setters(RemoteSigningProvider.Builder.class), setters(Pkcs11SigningProvider.Builder.class)));
        return s;
    }

    /** The defaults the code exposes, by section heading and name. */
    private static Map<String, Map<String, Object>> exposedDefaults() throws Exception {
        Map<String, Map<String, Object>> d = new LinkedHashMap<>();
        d.put("### `RetrievalSettings`", values(RetrievalSettings.defaults()));
        d.put("### `SlaSettings`", values(SlaSettings.defaults()));
        PlatformConfig platform = PlatformConfig.builder(URI.create("https://platform.example"), new PlatformCredentials("k", "s")).build();
        Map<String, Object> p = new LinkedHashMap<>();
        for (String name : setters(PlatformConfig.Builder.class)) {
            Object v = PlatformConfig.class.getMethod(name).invoke(platform);
            if (!(v instanceof Optional)) {
                p.put(name, v);
            }
        }
        p.putAll(values(Timeouts.defaults()));
        p.putAll(values(RetryPolicy.defaults()));
        d.put("## Platform clients: `PlatformConfig`", p);
        d.put("## Simulator: `SimulatorConfig`", values(SimulatorConfig.defaults()));
        return d;
    }

    /**
     * @param type a builder
     * @return its public instance methods but {@code build()} and those of {@link Object}
     */
    static Set<String> setters(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class && !m.getName().equals("build")
                    && !m.isSynthetic() && !m.isBridge()) {
                names.add(m.getName());
            }
        }
        return names;
    }

    static Set<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        Arrays.stream(sets).forEach(all::addAll);
        return all;
    }

    private static Map<String, Object> values(Record r) throws Exception {
        Map<String, Object> v = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            v.put(c.getName(), c.getAccessor().invoke(r));
        }
        return v;
    }

    @Test
    void everySettingIsListedWithItsDefault() throws Exception {
        String doc = Files.readString(DocsCodeBlocksTest.ROOT.resolve("docs/configuration.md"), StandardCharsets.UTF_8);
        Map<String, Map<String, Object>> defaults = exposedDefaults();
        List<String> problems = new ArrayList<>();
        int names = 0;
        int values = 0;
        for (Map.Entry<String, Set<String>> e : sections().entrySet()) {
            assertThat(e.getValue()).as("settings found by reflection for " + e.getKey()).hasSizeGreaterThanOrEqualTo(2);
            String section = section(doc, e.getKey());
            if (section == null) {
                problems.add("no section " + e.getKey());
                continue;
            }
            names += e.getValue().size();
            missing(section, e.getValue()).forEach(n -> problems.add(e.getKey() + ": " + n + " is not listed with a default"));
            for (Map.Entry<String, Object> v : defaults.getOrDefault(e.getKey(), Map.of()).entrySet()) {
                String problem = wrongDefault(section, v.getKey(), v.getValue());
                if (problem != null) {
                    problems.add(e.getKey() + ": " + problem);
                }
                values += renderings(v.getKey(), v.getValue()).isEmpty() ? 0 : 1;
            }
        }
        assertThat(problems).as("docs/configuration.md").isEmpty();
        assertThat(names).as("settings checked").isGreaterThanOrEqualTo(80);
        assertThat(values).as("default values checked").isGreaterThanOrEqualTo(30);
    }

    /**
     * @param doc     markdown
     * @param heading a heading line
     * @return from the heading to the next heading, or {@code null} if there is no such heading
     */
    static String section(String doc, String heading) {
        List<String> lines = Arrays.asList(doc.split("\n", -1));
        int start = lines.indexOf(heading);
        if (start < 0) {
            return null;
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("#")) {
            end++;
        }
        return String.join("\n", lines.subList(start + 1, end));
    }

    private static List<List<String>> rows(String section) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            String t = line.strip();
            if (t.startsWith("|") && !t.matches("\\|[-| :]+\\|")) {
                List<String> cells = Arrays.stream(t.substring(1).split("\\|", -1)).map(String::strip).collect(Collectors.toList());
                rows.add(cells);
            }
        }
        return rows;
    }

    private static Set<String> codeIdentifiers(String text) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher code = CODE.matcher(text);
        while (code.find()) {
            Matcher id = IDENTIFIER.matcher(code.group(1));
            while (id.find()) {
                ids.add(id.group());
            }
        }
        return ids;
    }

    /**
     * @param section part of the markdown
     * @param names   setting names
     * @return the names that no table row of the section shows in code with a non-empty default (second) cell
     */
    static List<String> missing(String section, Set<String> names) {
        Set<String> listed = new LinkedHashSet<>();
        for (List<String> cells : rows(section)) {
            if (cells.size() >= 3 && !cells.get(1).isBlank()) {
                listed.addAll(codeIdentifiers(String.join(" | ", cells)));
            }
        }
        return names.stream().filter(n -> !listed.contains(n)).collect(Collectors.toList());
    }

    /**
     * @param section part of the markdown
     * @param name    a setting
     * @param value   its default in the code
     * @return what is wrong, or {@code null} if the setting's own row (whose first cell starts with it in code) states
     *         the value, or the value has no plain rendering, or the setting has no row of its own
     */
    static String wrongDefault(String section, String name, Object value) {
        Set<String> accepted = renderings(name, value);
        if (accepted.isEmpty()) {
            return null;
        }
        for (List<String> cells : rows(section)) {
            Matcher first = CODE.matcher(cells.get(0));
            if (cells.size() < 3 || !first.find() || !first.group(1).matches(Pattern.quote(name) + "\\b.*")) {
                continue;
            }
            String cell = cells.get(1).replace("`", "");
            for (String r : accepted) {
                if (cell.equals(r) || cell.startsWith(r) && !Character.isLetterOrDigit(cell.charAt(r.length())) && cell.charAt(r.length()) != '.') {
                    return null;
                }
            }
            return name + ": the code's default is " + accepted.iterator().next() + ", the table says " + cells.get(1);
        }
        return null;
    }

    /**
     * @param name  the setting (byte sizes are recognised by a name ending in {@code Bytes})
     * @param value a default
     * @return the ways the docs may write it, e.g. {@code 60 s} and {@code 1 min}; empty for values without a plain form
     */
    static Set<String> renderings(String name, Object value) {
        Set<String> r = new LinkedHashSet<>();
        if (value instanceof Duration) {
            Duration d = (Duration) value;
            if (d.isZero()) {
                r.add("0");
            }
            long ms = d.toMillis();
            long[] units = {3_600_000L, 60_000L, 1000L, 1L};
            String[] names = {"h", "min", "s", "ms"};
            for (int i = 0; i < units.length; i++) {
                if (ms > 0 && ms % units[i] == 0 && Duration.ofMillis(ms).equals(d)) {
                    r.add(ms / units[i] + " " + names[i]);
                }
            }
        } else if (value instanceof Integer || value instanceof Long) {
            long n = ((Number) value).longValue();
            if (name.endsWith("Bytes")) {
                if (n % (1024 * 1024) == 0) {
                    r.add(n / (1024 * 1024) + " MiB");
                }
                if (n % 1024 == 0) {
                    r.add(n / 1024 + " KiB");
                }
            }
            r.add(Long.toString(n));
            r.add(String.format(Locale.ROOT, "%,d", n));
        } else if (value instanceof Double || value instanceof Boolean || value instanceof String) {
            r.add(value.toString());
        } else if (value instanceof Enum) {
            r.add(((Enum<?>) value).name());
        } else if (value instanceof List) {
            List<String> parts = new ArrayList<>();
            for (Object o : (List<?>) value) {
                Set<String> each = renderings(name, o);
                if (each.isEmpty()) {
                    return Set.of();
                }
                parts.add(each.iterator().next());
            }
            r.add(String.join(", ", parts));
        }
        return r;
    }

    @Test
    void theCheckFindsAMissingSettingAWrongDefaultAndAnEmptyDefaultCell() {
        String section = String.join("\n",
                "| setting | default | meaning |",
                "|---|---|---|",
                "| `timeout(Duration)` | 10 s | per request |",
                "| `seed(long)` | 1 | seed |",
                "| `pin(char[])` |  | user PIN |",
                "| `https(SSLContext, boolean)`: fields `sslContext`, `needClientAuth` | plain HTTP | HTTPS |");
        assertThat(missing(section, new LinkedHashSet<>(List.of("timeout", "seed", "pin", "alias", "sslContext"))))
                .containsExactly("pin", "alias");
        assertThat(wrongDefault(section, "timeout", Duration.ofSeconds(10))).isNull();
        assertThat(wrongDefault(section, "timeout", Duration.ofSeconds(5))).contains("timeout: the code's default is 5 s");
        assertThat(wrongDefault(section, "seed", 12L)).contains("the table says 1");
        assertThat(wrongDefault(section, "needClientAuth", false)).as("no row of its own").isNull();
        assertThat(renderings("tokenRefreshMargin", Duration.ofSeconds(60))).contains("60 s", "1 min");
        assertThat(renderings("maxFileBytes", 20 * 1024 * 1024)).contains("20 MiB");
        assertThat(renderings("cacheMaxEntries", 10_000L)).contains("10,000");
        assertThat(renderings("warnAtFractions", List.of(0.5, 0.8))).containsExactly("0.5, 0.8");
        assertThat(section("# A\n## B\nx\n### C\ny\n", "## B")).isEqualTo("x");
        assertThat(section("# A\n", "## B")).isNull();
    }
}
