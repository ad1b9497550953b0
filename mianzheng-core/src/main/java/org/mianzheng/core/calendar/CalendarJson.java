package org.mianzheng.core.calendar;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mianzheng.api.CalendarException;
import org.mianzheng.api.CalendarException.Reason;
import org.mianzheng.api.InvalidValueException;

/**
 * Reads holiday data files (format in {@code docs/sla-and-calendar.md}) into {@link HolidayYear}s, and holds the
 * bundled national data ({@link #bundled()}: 2025 and 2026, State Council notices).
 *
 * <pre>{@code
 * {"schemaVersion": 1,
 *  "years": [{"year": 2027, "source": "...",
 *             "days": [{"date": "2027-01-01", "kind": "OFF", "name": "元旦"},
 *                      {"from": "2027-02-06", "to": "2027-02-12", "kind": "OFF"},
 *                      {"date": "2027-02-14", "kind": "WORK"},
 *                      {"date": "2027-12-31", "kind": "HOURS", "hours": ["08:30-12:00"]}]}]}
 * }</pre>
 *
 * <p>Every problem is a {@link CalendarException} with the JSON path and the line where it was found, e.g.
 * {@code $.years[0].days[3].kind (line 12): unknown kind "HOLIDAY"}. Unknown fields, duplicate keys, duplicate
 * years or dates, dates outside their year, and inverted or overlapping slots are refused. Input is limited to
 * {@value #MAX_BYTES} bytes. Thread-safe and stateless.
 */
public final class CalendarJson {
    /** The schema version this reader understands. */
    public static final int SCHEMA_VERSION = 1;
    /** Largest file accepted. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** Class-path location of the bundled national holidays. */
    public static final String BUNDLED_RESOURCE = "/org/mianzheng/core/calendar/holidays-cn.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build());
    }

    private CalendarJson() {
    }

    /** Lazily parsed bundled data. */
    private static final class Bundled {
        static final List<HolidayYear> YEARS = load();

        private static List<HolidayYear> load() {
            try (InputStream in = CalendarJson.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + BUNDLED_RESOURCE);
                }
                return parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** @return the bundled national holidays and make-up working days (2025, 2026) */
    public static List<HolidayYear> bundled() {
        return Bundled.YEARS;
    }

    /**
     * @param in the JSON, UTF-8; read fully but not closed
     * @return the years, in file order
     * @throws CalendarException if anything is wrong, with the JSON path and line
     */
    public static List<HolidayYear> parse(InputStream in) {
        InvalidValueException.requireNonNull(in, "in");
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new CalendarException(Reason.MALFORMED_JSON, "$", -1, "could not read the file: " + e.getMessage(), e);
        }
        return parse(bytes);
    }

    /**
     * @param file a JSON file, UTF-8
     * @return the years, in file order
     * @throws CalendarException if the file cannot be read or anything in it is wrong
     */
    public static List<HolidayYear> parse(Path file) {
        InvalidValueException.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new CalendarException(Reason.MALFORMED_JSON, "$", -1, "could not read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param json the JSON text
     * @return the years, in file order
     * @throws CalendarException if anything is wrong, with the JSON path and line
     */
    public static List<HolidayYear> parse(String json) {
        InvalidValueException.requireNonNull(json, "json");
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<HolidayYear> parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new CalendarException(Reason.TOO_LARGE, "$", -1, "file larger than " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            String col = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
            throw new CalendarException(Reason.MALFORMED_JSON, "$", line, "not valid JSON" + col + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CalendarException(Reason.MALFORMED_JSON, "$", -1, "could not read the file: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new CalendarException(Reason.MALFORMED_JSON, "$", 1, "empty input");
        }
        try {
            return new Reader().document(root);
        } catch (Problem p) {
            throw new CalendarException(p.reason, p.path, lineOf(bytes, p.path), p.getMessage(), p.getCause());
        }
    }

    /** A problem found while reading the tree; becomes a {@link CalendarException} with the line. */
    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Reason reason;
        final String path;

        Problem(Reason reason, String path, String message) {
            this(reason, path, message, null);
        }

        Problem(Reason reason, String path, String message, Throwable cause) {
            super(message, cause, false, false);
            this.reason = reason;
            this.path = path;
        }
    }

    /** The line of the value at {@code path}, or of its nearest ancestor present in the file. */
    static int lineOf(byte[] bytes, String path) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = MAPPER.getFactory().createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonStreamContext ctx = p.getParsingContext();
                if (t.isStructStart()) {
                    ctx = ctx.getParent();
                } else if (t.isStructEnd()) {
                    continue;
                }
                String ptr = ctx == null ? "" : ctx.pathAsPointer().toString();
                lines.putIfAbsent(ptr, p.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            return -1;
        }
        String ptr = toPointer(path);
        while (true) {
            Integer line = lines.get(ptr);
            if (line != null) {
                return line;
            }
            if (ptr.isEmpty()) {
                return -1;
            }
            ptr = ptr.substring(0, ptr.lastIndexOf('/'));
        }
    }

    /** {@code $.years[0].days} → {@code /years/0/days}; field names here are plain identifiers. */
    private static String toPointer(String path) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                b.append('/');
            } else if (c != ']') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Walks the tree, keeping the path for messages. */
    private static final class Reader {
        List<HolidayYear> document(JsonNode root) {
            String p = "$";
            object(root, p);
            keys(root, p, Set.of("schemaVersion", "description", "years"));
            JsonNode version = root.get("schemaVersion");
            if (version == null || version.isNull()) {
                throw new Problem(Reason.SCHEMA, p + ".schemaVersion", "required field missing (this reader reads " + SCHEMA_VERSION + ")");
            }
            if (!version.isInt() || version.intValue() != SCHEMA_VERSION) {
                throw new Problem(Reason.SCHEMA, p + ".schemaVersion", "unsupported schema version " + version + "; this reader reads " + SCHEMA_VERSION);
            }
            text(root, "description", p, false);
            JsonNode ys = array(root, "years", p, true);
            if (ys.isEmpty()) {
                throw new Problem(Reason.SCHEMA, p + ".years", "at least one year is needed");
            }
            List<HolidayYear> out = new ArrayList<>();
            Map<Integer, String> seen = new HashMap<>();
            for (int i = 0; i < ys.size(); i++) {
                String yp = p + ".years[" + i + "]";
                HolidayYear y = year(ys.get(i), yp);
                String before = seen.putIfAbsent(y.year(), yp);
                if (before != null) {
                    throw new Problem(Reason.DUPLICATE, yp + ".year", "year " + y.year() + " already given at " + before);
                }
                out.add(y);
            }
            return List.copyOf(out);
        }

        HolidayYear year(JsonNode n, String p) {
            object(n, p);
            keys(n, p, Set.of("year", "source", "days"));
            JsonNode yn = n.get("year");
            if (yn == null || yn.isNull()) {
                throw new Problem(Reason.SCHEMA, p + ".year", "required field missing");
            }
            if (!yn.isInt()) {
                throw new Problem(Reason.SCHEMA, p + ".year", "expected an integer, got " + type(yn));
            }
            int year = yn.intValue();
            if (year < HolidayYear.MIN_YEAR || year > HolidayYear.MAX_YEAR) {
                throw new Problem(Reason.INVALID_VALUE, p + ".year", year + " is outside " + HolidayYear.MIN_YEAR + ".." + HolidayYear.MAX_YEAR);
            }
            String source = text(n, "source", p, false);
            JsonNode ds = array(n, "days", p, true);
            List<DayOverride> days = new ArrayList<>();
            Map<LocalDate, String> seen = new HashMap<>();
            for (int i = 0; i < ds.size(); i++) {
                day(ds.get(i), p + ".days[" + i + "]", year, days, seen);
            }
            try {
                return new HolidayYear(year, source, days);
            } catch (InvalidValueException e) {
                throw new Problem(Reason.INVALID_VALUE, p, e.getMessage(), e);
            }
        }

        void day(JsonNode n, String p, int year, List<DayOverride> out, Map<LocalDate, String> seen) {
            object(n, p);
            keys(n, p, Set.of("date", "from", "to", "kind", "name", "hours"));
            String kindText = text(n, "kind", p, true);
            DayOverride.Kind kind;
            try {
                kind = DayOverride.Kind.valueOf(kindText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Problem(Reason.INVALID_VALUE, p + ".kind", "unknown kind \"" + kindText + "\"; expected OFF, WORK or HOURS");
            }
            String name = text(n, "name", p, false);
            boolean single = n.has("date");
            if (single == (n.has("from") || n.has("to"))) {
                throw new Problem(Reason.SCHEMA, p, "give either \"date\" or both \"from\" and \"to\"");
            }
            LocalDate from;
            LocalDate to;
            if (single) {
                from = date(n, "date", p, year);
                to = from;
            } else {
                from = date(n, "from", p, year);
                to = date(n, "to", p, year);
                if (to.isBefore(from)) {
                    throw new Problem(Reason.INVALID_VALUE, p + ".to", to + " is before \"from\" " + from);
                }
            }
            OfficeHours hours = null;
            if (kind == DayOverride.Kind.HOURS) {
                hours = hours(n, p);
            } else if (n.has("hours")) {
                throw new Problem(Reason.SCHEMA, p + ".hours", "only kind HOURS has hours, not " + kind);
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                String before = seen.putIfAbsent(d, p);
                if (before != null) {
                    throw new Problem(Reason.DUPLICATE, p, d + " already given at " + before);
                }
                out.add(new DayOverride(d, kind, hours, name));
            }
        }

        LocalDate date(JsonNode n, String field, String p, int year) {
            String s = text(n, field, p, true);
            LocalDate d;
            try {
                d = LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                throw new Problem(Reason.INVALID_VALUE, p + "." + field, "not a valid date (yyyy-MM-dd): \"" + s + "\"");
            }
            if (d.getYear() != year) {
                throw new Problem(Reason.INVALID_VALUE, p + "." + field, d + " is not in " + year);
            }
            return d;
        }

        OfficeHours hours(JsonNode n, String p) {
            JsonNode hs = array(n, "hours", p, true);
            if (hs.isEmpty()) {
                throw new Problem(Reason.INVALID_SLOTS, p + ".hours", "at least one slot; use kind OFF for a day without office hours");
            }
            List<TimeSlot> slots = new ArrayList<>();
            for (int i = 0; i < hs.size(); i++) {
                String sp = p + ".hours[" + i + "]";
                JsonNode h = hs.get(i);
                if (!h.isTextual()) {
                    throw new Problem(Reason.SCHEMA, sp, "expected a string \"HH:mm-HH:mm\", got " + type(h));
                }
                TimeSlot slot = slot(h.textValue(), sp);
                for (int j = 0; j < slots.size(); j++) {
                    if (slots.get(j).overlaps(slot)) {
                        throw new Problem(Reason.INVALID_SLOTS, sp, "slot " + slot + " overlaps hours[" + j + "] " + slots.get(j));
                    }
                }
                slots.add(slot);
            }
            return new OfficeHours(slots);
        }

        TimeSlot slot(String text, String p) {
            int dash = text.indexOf('-');
            LocalTime s;
            LocalTime e;
            try {
                if (dash < 0 || dash != text.lastIndexOf('-')) {
                    throw new DateTimeParseException("no single '-'", text, 0);
                }
                s = LocalTime.parse(text.substring(0, dash).strip());
                e = LocalTime.parse(text.substring(dash + 1).strip());
            } catch (DateTimeParseException ex) {
                throw new Problem(Reason.INVALID_VALUE, p, "expected \"HH:mm-HH:mm\", got \"" + text + "\"");
            }
            if (!e.isAfter(s)) {
                throw new Problem(Reason.INVALID_SLOTS, p, "inverted slot " + s + "-" + e + ": the end must be after the start");
            }
            return new TimeSlot(s, e);
        }

        // -- helpers

        private static void object(JsonNode n, String p) {
            if (n == null || !n.isObject()) {
                throw new Problem(Reason.SCHEMA, p, "expected an object, got " + type(n));
            }
        }

        private static void keys(JsonNode n, String p, Set<String> allowed) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    throw new Problem(Reason.SCHEMA, p + "." + k, "unknown field; expected one of " + new java.util.TreeSet<>(allowed));
                }
            }
        }

        private static JsonNode array(JsonNode n, String field, String p, boolean required) {
            JsonNode a = n.get(field);
            if (a == null || a.isNull()) {
                if (required) {
                    throw new Problem(Reason.SCHEMA, p + "." + field, "required field missing");
                }
                return null;
            }
            if (!a.isArray()) {
                throw new Problem(Reason.SCHEMA, p + "." + field, "expected an array, got " + type(a));
            }
            return a;
        }

        private static String text(JsonNode n, String field, String p, boolean required) {
            JsonNode t = n.get(field);
            if (t == null || t.isNull()) {
                if (required) {
                    throw new Problem(Reason.SCHEMA, p + "." + field, "required field missing");
                }
                return null;
            }
            if (!t.isTextual()) {
                throw new Problem(Reason.SCHEMA, p + "." + field, "expected a string, got " + type(t));
            }
            return t.textValue();
        }

        private static String type(JsonNode n) {
            return n == null ? "nothing" : n.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }
}
