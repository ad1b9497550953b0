package org.mianzheng.core.supervision;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.mianzheng.api.AccessEntry;
import org.mianzheng.api.AccessReport;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditHead;
import org.mianzheng.api.ComplaintFigures;
import org.mianzheng.api.DirectedFigures;
import org.mianzheng.api.GuideEntry;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.Ratio;
import org.mianzheng.api.ReportDimension;
import org.mianzheng.api.ReportPeriod;
import org.mianzheng.api.RetrievalFigures;
import org.mianzheng.api.ServiceGuide;
import org.mianzheng.api.SpotCheck;
import org.mianzheng.api.SpotCheckCase;
import org.mianzheng.api.UsageFigures;
import org.mianzheng.api.UsageReport;
import org.mianzheng.api.ViolationFigures;

/**
 * Exports of supervision values: usage reports as JSON, CSV and a self-contained HTML page (inline CSS and SVG, no
 * script, no external reference), service guides as JSON and HTML, spot checks and access reports as JSON.
 *
 * <p>Every export is a pure function of its value: equal values give equal strings, byte for byte (keys in a fixed
 * order, {@code \n} line ends, no generation time). None contains an identity number: values carry masked ids and
 * keyed digests only.
 */
public final class SupervisionExports {
    /** The format tag of usage report JSON. */
    public static final String REPORT_FORMAT = "mianzheng-usage-report-v1";
    private static final JsonFactory JSON = new JsonFactory();

    private SupervisionExports() {
    }

    /** Writes JSON into a string. */
    @FunctionalInterface
    private interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    private static String json(JsonBody body) {
        StringWriter w = new StringWriter();
        DefaultIndenter nl = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(nl).withArrayIndenter(nl);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.setPrettyPrinter(pp);
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        return w.toString() + "\n";
    }

    // ------------------------------------------------------------------ usage report JSON

    /**
     * @param r a report
     * @return its JSON; see {@code docs/supervision.md} for the fields
     */
    public static String usageReportJson(UsageReport r) {
        InvalidValueException.requireNonNull(r, "report");
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("format", REPORT_FORMAT);
            period(g, r.period());
            g.writeStringField("department", r.departmentCode());
            g.writeBooleanField("complete", r.complete());
            head(g, "auditThrough", r.auditThrough());
            g.writeNumberField("catalogVersion", r.catalogVersion());
            g.writeFieldName("totals");
            figures(g, r.totals());
            for (ReportDimension d : ReportDimension.values()) {
                g.writeArrayFieldStart(fieldName(d));
                for (Map.Entry<String, UsageFigures> e : r.by(d).entrySet()) {
                    g.writeStartObject();
                    g.writeStringField("key", e.getKey());
                    g.writeStringField("name", r.label(d, e.getKey()));
                    g.writeFieldName("figures");
                    figures(g, e.getValue());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        });
    }

    private static String fieldName(ReportDimension d) {
        return switch (d) {
            case DEPARTMENT -> "byDepartment";
            case WINDOW -> "byWindow";
            case OPERATOR -> "byOperator";
            case CHANNEL -> "byChannel";
            case LICENSE_TYPE -> "byLicenseType";
        };
    }

    private static void period(JsonGenerator g, ReportPeriod p) throws IOException {
        g.writeObjectFieldStart("period");
        g.writeStringField("from", p.from().toString());
        g.writeStringField("to", p.to().toString());
        g.writeStringField("zone", p.zone().getId());
        g.writeStringField("firstDay", p.from().atZone(p.zone()).toLocalDate().toString());
        g.writeStringField("lastDay", p.to().minusNanos(1).atZone(p.zone()).toLocalDate().toString());
        g.writeEndObject();
    }

    private static void head(JsonGenerator g, String name, AuditHead h) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("sequence", h.sequence());
        g.writeStringField("hash", h.hash());
        g.writeEndObject();
    }

    private static void ratio(JsonGenerator g, String name, Ratio r, String num, String den) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField(num, r.numerator());
        g.writeNumberField(den, r.denominator());
        BigDecimal p = r.percent();
        if (p == null) {
            g.writeNullField("percent");
        } else {
            g.writeNumberField("percent", p);
        }
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, String name, Map<?, Long> m) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<?, Long> e : m.entrySet()) {
            g.writeNumberField(e.getKey().toString(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void millis(JsonGenerator g, String name, Duration d) throws IOException {
        if (d == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, d.toMillis());
        }
    }

    private static void figures(JsonGenerator g, UsageFigures f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("casesOpened", f.casesOpened());
        RetrievalFigures rf = f.retrievals();
        g.writeObjectFieldStart("retrievals");
        g.writeNumberField("total", rf.total());
        counts(g, "byOutcome", rf.byOutcome());
        counts(g, "servedByChannel", rf.servedByChannel());
        g.writeNumberField("cacheHits", rf.cacheHits());
        counts(g, "fallbackReasons", rf.fallbackReasons());
        g.writeObjectFieldStart("channelAttempts");
        for (Map.Entry<String, Map<org.mianzheng.api.SourceOutcome, Long>> e : rf.channelAttempts().entrySet()) {
            counts(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        ratio(g, "exemption", f.exemption(), "obtained", "eligible");
        g.writeObjectFieldStart("voluntarySubmissions");
        g.writeNumberField("total", f.voluntarySubmissions());
        g.writeNumberField("ofExemptMaterials", f.voluntaryOfExempt());
        g.writeEndObject();
        DirectedFigures df = f.directed();
        g.writeObjectFieldStart("directed");
        g.writeNumberField("created", df.created());
        g.writeNumberField("completed", df.completed());
        g.writeNumberField("returned", df.returned());
        g.writeNumberField("transferred", df.transferred());
        g.writeNumberField("cancelled", df.cancelled());
        g.writeNumberField("pending", df.pending());
        ratio(g, "compliance", df.compliance(), "compliant", "settled");
        millis(g, "responseP50Ms", df.responseP50());
        millis(g, "responseP90Ms", df.responseP90());
        counts(g, "breaches", df.breaches());
        g.writeEndObject();
        ViolationFigures vf = f.violations();
        g.writeObjectFieldStart("violations");
        counts(g, "byKind", vf.byKind());
        g.writeNumberField("refused", vf.refused());
        g.writeNumberField("flagged", vf.flagged());
        g.writeNumberField("confirmed", vf.confirmed());
        g.writeNumberField("dismissed", vf.dismissed());
        g.writeEndObject();
        ComplaintFigures cf = f.complaints();
        g.writeObjectFieldStart("complaints");
        g.writeNumberField("received", cf.received());
        g.writeNumberField("resolved", cf.resolved());
        g.writeNumberField("open", cf.open());
        counts(g, "byChannel", cf.byChannel());
        counts(g, "byCategory", cf.byCategory());
        g.writeEndObject();
        g.writeEndObject();
    }

    // ------------------------------------------------------------------ usage report CSV

    /**
     * Long format, one figure per row: {@code dimension,key,name,metric,value} (RFC 4180, UTF-8, {@code \n}); the
     * totals are dimension {@code TOTAL}, key {@code *}. Percentages have one decimal; durations are milliseconds;
     * undefined values (a rate over nothing) are left empty.
     *
     * @param r a report
     * @return the CSV
     */
    public static String usageReportCsv(UsageReport r) {
        InvalidValueException.requireNonNull(r, "report");
        StringBuilder sb = new StringBuilder(8_192);
        sb.append("dimension,key,name,metric,value\n");
        rows(sb, "TOTAL", "*", "", r.totals());
        for (ReportDimension d : ReportDimension.values()) {
            for (Map.Entry<String, UsageFigures> e : r.by(d).entrySet()) {
                rows(sb, d.name(), e.getKey(), r.label(d, e.getKey()).equals(e.getKey()) ? "" : r.label(d, e.getKey()), e.getValue());
            }
        }
        return sb.toString();
    }

    private static void rows(StringBuilder sb, String dim, String key, String name, UsageFigures f) {
        String prefix = csv(dim) + "," + csv(key) + "," + csv(name) + ",";
        java.util.function.BiConsumer<String, Object> row = (metric, value) -> sb.append(prefix).append(csv(metric)).append(',')
                .append(value == null ? "" : csv(value.toString())).append('\n');
        row.accept("casesOpened", f.casesOpened());
        RetrievalFigures rf = f.retrievals();
        row.accept("retrievals.total", rf.total());
        rf.byOutcome().forEach((k, v) -> row.accept("retrievals.byOutcome." + k, v));
        rf.servedByChannel().forEach((k, v) -> row.accept("retrievals.servedByChannel." + k, v));
        row.accept("retrievals.cacheHits", rf.cacheHits());
        rf.fallbackReasons().forEach((k, v) -> row.accept("retrievals.fallbackReasons." + k, v));
        rf.channelAttempts().forEach((ch, m) -> m.forEach((k, v) -> row.accept("retrievals.channelAttempts." + ch + "." + k, v)));
        row.accept("exemption.obtained", f.exemption().numerator());
        row.accept("exemption.eligible", f.exemption().denominator());
        row.accept("exemption.percent", plain(f.exemption().percent()));
        row.accept("voluntarySubmissions.total", f.voluntarySubmissions());
        row.accept("voluntarySubmissions.ofExemptMaterials", f.voluntaryOfExempt());
        DirectedFigures df = f.directed();
        row.accept("directed.created", df.created());
        row.accept("directed.completed", df.completed());
        row.accept("directed.returned", df.returned());
        row.accept("directed.transferred", df.transferred());
        row.accept("directed.cancelled", df.cancelled());
        row.accept("directed.pending", df.pending());
        row.accept("directed.compliance.compliant", df.compliance().numerator());
        row.accept("directed.compliance.settled", df.compliance().denominator());
        row.accept("directed.compliance.percent", plain(df.compliance().percent()));
        row.accept("directed.responseP50Ms", df.responseP50() == null ? null : df.responseP50().toMillis());
        row.accept("directed.responseP90Ms", df.responseP90() == null ? null : df.responseP90().toMillis());
        df.breaches().forEach((k, v) -> row.accept("directed.breaches." + k, v));
        ViolationFigures vf = f.violations();
        vf.byKind().forEach((k, v) -> row.accept("violations.byKind." + k, v));
        row.accept("violations.refused", vf.refused());
        row.accept("violations.flagged", vf.flagged());
        row.accept("violations.confirmed", vf.confirmed());
        row.accept("violations.dismissed", vf.dismissed());
        ComplaintFigures cf = f.complaints();
        row.accept("complaints.received", cf.received());
        row.accept("complaints.resolved", cf.resolved());
        row.accept("complaints.open", cf.open());
        cf.byChannel().forEach((k, v) -> row.accept("complaints.byChannel." + k, v));
        cf.byCategory().forEach((k, v) -> row.accept("complaints.byCategory." + k, v));
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    /**
     * @param value a field
     * @return the field quoted per RFC 4180 if needed; a leading {@code = + - @} is prefixed with {@code '} so that
     *         spreadsheets do not run it as a formula
     */
    static String csv(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    // ------------------------------------------------------------------ usage report HTML

    /**
     * @param r a report
     * @return a self-contained HTML page: inline CSS and SVG charts, no script, no external reference, a
     *         Content-Security-Policy that forbids loading anything
     */
    public static String usageReportHtml(UsageReport r) {
        InvalidValueException.requireNonNull(r, "report");
        return ReportHtml.render(r);
    }

    /**
     * Writes {@code <baseName>.json}, {@code .csv} and {@code .html} into a directory (created if missing).
     *
     * @param r        a report
     * @param dir      the directory
     * @param baseName the file name without extension, a code
     * @return the three paths: JSON, CSV, HTML
     * @throws UncheckedIOException if a file cannot be written
     */
    public static List<Path> writeUsageReport(UsageReport r, Path dir, String baseName) {
        String base = org.mianzheng.api.Codes.require(baseName, "baseName");
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve(base + ".json");
            Path csv = dir.resolve(base + ".csv");
            Path html = dir.resolve(base + ".html");
            Files.writeString(json, usageReportJson(r), StandardCharsets.UTF_8);
            Files.writeString(csv, usageReportCsv(r), StandardCharsets.UTF_8);
            Files.writeString(html, usageReportHtml(r), StandardCharsets.UTF_8);
            return List.of(json, csv, html);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the usage report to " + dir, e);
        }
    }

    // ------------------------------------------------------------------ guides

    /**
     * @param guide a service guide
     * @return its JSON
     */
    public static String guideJson(ServiceGuide guide) {
        InvalidValueException.requireNonNull(guide, "guide");
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("format", "mianzheng-service-guide-v1");
            g.writeStringField("itemCode", guide.itemCode());
            g.writeStringField("itemName", guide.itemName());
            g.writeStringField("departmentCode", guide.departmentCode());
            g.writeStringField("departmentName", guide.departmentName());
            g.writeStringField("handling", guide.handling().name());
            g.writeStringField("asOf", guide.asOf().toString());
            g.writeNumberField("catalogVersion", guide.catalogVersion());
            g.writeNumberField("lastChange", guide.lastChange());
            g.writeStringField("lastChangedAt", guide.lastChangedAt().toString());
            entries(g, "notNeeded", guide.notNeeded());
            entries(g, "stillNeeded", guide.stillNeeded());
            g.writeEndObject();
        });
    }

    private static void entries(JsonGenerator g, String name, List<GuideEntry> list) throws IOException {
        g.writeArrayFieldStart(name);
        for (GuideEntry e : list) {
            g.writeStartObject();
            g.writeStringField("materialCode", e.materialCode());
            g.writeStringField("name", e.name());
            g.writeStringField("kind", e.kind().name());
            g.writeStringField("decision", e.decision().name());
            g.writeStringField("mode", e.mode().name());
            g.writeStringField("explanation", e.explanation());
            g.writeStringField("reason", e.reason() == null ? null : e.reason().name());
            g.writeStringField("article", e.article());
            g.writeStringField("legalBasis", e.legalBasis());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * @param guide a service guide
     * @return the applicant-facing HTML page (Chinese), self-contained
     */
    public static String guideHtml(ServiceGuide guide) {
        InvalidValueException.requireNonNull(guide, "guide");
        return ReportHtml.guide(guide);
    }

    // ------------------------------------------------------------------ spot checks and access reports

    /**
     * @param s a spot check
     * @return its JSON, with each sampled case's audit trail (subjects are digests)
     */
    public static String spotCheckJson(SpotCheck s) {
        InvalidValueException.requireNonNull(s, "spotCheck");
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("format", "mianzheng-spot-check-v1");
            period(g, s.request().period());
            g.writeStringField("department", s.request().departmentCode());
            g.writeNumberField("seed", s.request().seed());
            g.writeNumberField("sampleSize", s.request().sampleSize());
            g.writeNumberField("population", s.population());
            g.writeStringField("supervisor", s.supervisor());
            head(g, "trailThrough", s.trailThrough());
            g.writeArrayFieldStart("cases");
            for (SpotCheckCase c : s.cases()) {
                g.writeStartObject();
                g.writeStringField("bizNo", c.bizNo());
                g.writeStringField("itemCode", c.itemCode());
                g.writeStringField("departmentCode", c.departmentCode());
                g.writeStringField("windowId", c.windowId());
                g.writeStringField("operatorId", c.operatorId());
                g.writeStringField("openedAt", c.openedAt().toString());
                g.writeArrayFieldStart("trail");
                for (AuditEvent e : c.trail()) {
                    event(g, e);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void event(JsonGenerator g, AuditEvent e) throws IOException {
        g.writeStartObject();
        g.writeNumberField("sequence", e.sequence());
        g.writeStringField("at", e.at().toString());
        g.writeStringField("type", e.type().name());
        g.writeStringField("actor", e.actor());
        g.writeStringField("bizNo", e.bizNo());
        g.writeStringField("subject", e.subject());
        g.writeObjectFieldStart("detail");
        for (Map.Entry<String, String> d : e.detail().entrySet()) {
            g.writeStringField(d.getKey(), d.getValue());
        }
        g.writeEndObject();
        g.writeStringField("hash", e.hash());
        g.writeEndObject();
    }

    /**
     * @param a an access report
     * @return its JSON (the holder's id masked)
     */
    public static String accessReportJson(AccessReport a) {
        InvalidValueException.requireNonNull(a, "accessReport");
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("format", "mianzheng-access-report-v1");
            g.writeStringField("holder", a.holderMasked());
            g.writeStringField("subject", a.subject());
            if (a.period() == null) {
                g.writeNullField("period");
            } else {
                period(g, a.period());
            }
            g.writeStringField("requestedBy", a.requestedBy());
            g.writeBooleanField("selfRequest", a.selfRequest());
            g.writeStringField("madeAt", a.madeAt().toString());
            head(g, "through", a.through());
            g.writeArrayFieldStart("entries");
            for (AccessEntry e : a.entries()) {
                g.writeStartObject();
                g.writeNumberField("sequence", e.sequence());
                g.writeStringField("at", e.at().toString());
                g.writeStringField("type", e.type().name());
                g.writeStringField("act", e.act());
                g.writeStringField("operatorId", e.operatorId());
                g.writeStringField("operatorName", e.operatorName());
                g.writeStringField("departmentCode", e.departmentCode());
                g.writeStringField("bizNo", e.bizNo());
                g.writeStringField("itemCode", e.itemCode());
                g.writeStringField("materialCode", e.materialCode());
                g.writeStringField("purpose", e.purpose());
                g.writeStringField("channel", e.channel());
                g.writeStringField("outcome", e.outcome());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * @param d    a duration or {@code null}
     * @return e.g. {@code 12 min 5 s}, {@code 3 h 20 min}, or {@code -}
     */
    static String human(Duration d) {
        if (d == null) {
            return "-";
        }
        if (d.toMillis() < 1_000) {
            return d.toMillis() + " ms";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3_600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        return (s / 3_600) + " h" + ((s % 3_600) / 60 == 0 ? "" : " " + ((s % 3_600) / 60) + " min");
    }

    /**
     * @param p a period
     * @return its days in its zone, e.g. {@code 2026-03-01 – 2026-03-31}
     */
    static String days(ReportPeriod p) {
        ZoneId z = p.zone();
        return p.from().atZone(z).toLocalDate() + " – " + p.to().minusNanos(1).atZone(z).toLocalDate();
    }
}
