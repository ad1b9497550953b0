package org.mianzheng.core.supervision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mianzheng.api.GuideEntry;
import org.mianzheng.api.Ratio;
import org.mianzheng.api.ReportDimension;
import org.mianzheng.api.RetrievalOutcome;
import org.mianzheng.api.ServiceGuide;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.UsageFigures;
import org.mianzheng.api.UsageReport;

/**
 * Renders usage reports and service guides as self-contained HTML: inline CSS, inline SVG charts, no script, no
 * external reference, and a Content-Security-Policy that forbids loading anything. Every text is escaped.
 */
final class ReportHtml {
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    private static final String CSS = """
            body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;background:#f4f6f8;color:#1d2733}
            header{background:#8b1a1a;color:#fff;padding:22px 36px}
            header h1{margin:0 0 6px;font-size:24px;font-weight:600}
            header p{margin:0;opacity:.9;font-size:14px}
            main{padding:20px 36px 36px}
            h2{font-size:18px;margin:28px 0 12px;border-left:4px solid #8b1a1a;padding-left:10px}
            .kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:12px}
            .kpi{background:#fff;border-radius:6px;padding:14px 16px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
            .kpi .v{font-size:26px;font-weight:600;color:#8b1a1a;white-space:nowrap}
            .kpi .v.long{font-size:20px;line-height:31px}
            .kpi .l{font-size:13px;color:#5a6675;margin-top:4px}
            .kpi .s{font-size:12px;color:#7a8694;margin-top:2px}
            .charts{display:grid;grid-template-columns:1fr 1fr;gap:14px}
            figure{margin:0;background:#fff;border-radius:6px;padding:12px 14px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
            figcaption{font-size:14px;font-weight:600;margin-bottom:6px}
            table{border-collapse:collapse;width:100%;background:#fff;font-size:12px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
            th,td{padding:5px 7px;border-bottom:1px solid #e3e7eb;text-align:right;white-space:nowrap}
            th{background:#eef1f4;font-weight:600}
            td.k,th.k{text-align:left}
            .empty{color:#7a8694;font-size:13px;padding:8px 0}
            footer{font-size:12px;color:#5a6675;padding:0 36px 30px;line-height:1.6}
            code{font-family:"DejaVu Sans Mono",monospace;font-size:11px;word-break:break-all}
            .tag{display:inline-block;background:#fff3cd;color:#7a5b00;border-radius:3px;padding:1px 6px;font-size:12px;margin-left:8px}
            """;

    private ReportHtml() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(Character.isISOControl(c) && c != '\n' ? ' ' : c);
            }
        }
        return b.toString();
    }

    private static String pct(Ratio r) {
        BigDecimal p = r.percent();
        return p == null ? "-" : p.toPlainString() + "%";
    }

    private static void head(StringBuilder h, String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    }

    // ------------------------------------------------------------------ usage report

    static String render(UsageReport r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        String days = SupervisionExports.days(r.period());
        String scope = r.departmentCode() == null ? "全市各审批服务单位" : r.label(ReportDimension.DEPARTMENT, r.departmentCode());
        head(h, "免证办数据调用和应用情况通报 " + days);
        h.append("<header>\n<h1>“免证办”证照证明材料数据调用和应用情况通报</h1>\n<p>")
                .append(esc(days)).append("（").append(esc(r.period().zone().getId())).append("） · ").append(esc(scope))
                .append(" · Usage report (Art. 18, 19)");
        if (!r.complete()) {
            h.append("<span class=\"tag\">统计期未结束，数据为临时数 provisional</span>");
        }
        h.append("</p>\n</header>\n<main>\n");
        UsageFigures t = r.totals();
        h.append("<section class=\"kpis\">\n");
        kpi(h, Long.toString(t.casesOpened()), "受理办件 cases opened", "");
        long got = t.retrievals().outcome(RetrievalOutcome.RETRIEVED) + t.retrievals().outcome(RetrievalOutcome.MISMATCH);
        kpi(h, Long.toString(t.retrievals().total()), "数据调用 retrievals", "成功 " + got + " · 缓存命中 " + t.retrievals().cacheHits());
        kpi(h, pct(t.exemption()), "免证率 exemption rate", t.exemption().numerator() + " / " + t.exemption().denominator() + " 份材料");
        kpi(h, pct(t.directed().compliance()), "定向核验开具按时率 SLA compliance",
                t.directed().compliance().numerator() + " / " + t.directed().compliance().denominator() + " 件");
        kpi(h, SupervisionExports.human(t.directed().responseP50()) + " / " + SupervisionExports.human(t.directed().responseP90()),
                "响应时间 P50 / P90", "定向请求 " + t.directed().created() + " 件，退回 " + t.directed().returned() + "，转办 "
                        + t.directed().transferred());
        kpi(h, Long.toString(t.directed().breachCount()), "超时 SLA breaches", "未到期 " + t.directed().pending() + " 件");
        kpi(h, Long.toString(t.violations().total()), "违规记录 violations", "确认 " + t.violations().confirmed() + " · 免责 "
                + t.violations().dismissed());
        kpi(h, Long.toString(t.complaints().received()), "投诉反映 complaints", "已办结 " + t.complaints().resolved() + " · 未办结 "
                + t.complaints().open());
        h.append("</section>\n");

        Map<String, UsageFigures> depts = r.by(ReportDimension.DEPARTMENT);
        h.append("<h2>图表 Charts</h2>\n<section class=\"charts\">\n");
        List<Svg.Row> outcomeRows = new ArrayList<>();
        List<Svg.PercentRow> exemptRows = new ArrayList<>();
        List<Svg.PercentRow> slaRows = new ArrayList<>();
        for (Map.Entry<String, UsageFigures> e : depts.entrySet()) {
            String label = r.label(ReportDimension.DEPARTMENT, e.getKey());
            UsageFigures f = e.getValue();
            if (f.retrievals().total() > 0) {
                long[] v = new long[RetrievalOutcome.values().length];
                for (RetrievalOutcome o : RetrievalOutcome.values()) {
                    v[o.ordinal()] = f.retrievals().outcome(o);
                }
                outcomeRows.add(new Svg.Row(label, v));
            }
            if (f.exemption().denominator() > 0) {
                exemptRows.add(new Svg.PercentRow(label, f.exemption(), ""));
            }
            if (f.directed().compliance().denominator() > 0) {
                slaRows.add(new Svg.PercentRow(label, f.directed().compliance(), "P50 " + SupervisionExports.human(f.directed().responseP50())
                        + " · P90 " + SupervisionExports.human(f.directed().responseP90())));
            }
        }
        figure(h, "各部门数据调用结果 Retrieval outcomes by department", Svg.stacked(outcomeRows,
                new String[] {"调取成功 RETRIEVED", "信息不符 MISMATCH", "转为提交 MUST_SUBMIT"}, new String[] {"#2e7d32", "#f9a825", "#c62828"}));
        figure(h, "各部门免证率 Exemption rate by department", Svg.percent(exemptRows, "#1565c0"));
        figure(h, "各部门定向核验开具按时率 Directed-request SLA compliance (receiving department)", Svg.percent(slaRows, "#6a1b9a"));
        List<Svg.Row> channelRows = new ArrayList<>();
        SourceOutcome[] so = SourceOutcome.values();
        t.retrievals().channelAttempts().forEach((ch, m) -> {
            long[] v = new long[so.length];
            m.forEach((k, c) -> v[k.ordinal()] = c);
            channelRows.add(new Svg.Row(ch, v));
        });
        String[] soNames = new String[so.length];
        for (int i = 0; i < so.length; i++) {
            soNames[i] = so[i].name();
        }
        figure(h, "渠道调用结果 Channel attempts by outcome", Svg.stacked(channelRows, soNames, new String[] {"#2e7d32", "#90a4ae", "#ef6c00",
                "#ad1457", "#8d6e63", "#5d4037", "#455a64", "#b71c1c", "#e53935", "#ff7043", "#6d4c41"}));
        List<Svg.Row> violationRows = new ArrayList<>();
        t.violations().byKind().forEach((k, v) -> violationRows.add(new Svg.Row(k.chinese(), new long[] {v})));
        figure(h, "违规情形 Violations by rule (Art. 11)", Svg.stacked(violationRows, new String[] {"记录数"}, new String[] {"#c62828"}));
        List<Svg.Row> complaintRows = new ArrayList<>();
        t.complaints().byCategory().forEach((k, v) -> complaintRows.add(new Svg.Row(k.chinese(), new long[] {v})));
        figure(h, "投诉反映类别 Complaints by category (Art. 21)", Svg.stacked(complaintRows, new String[] {"件数"}, new String[] {"#00838f"}));
        h.append("</section>\n");

        h.append("<h2>转为提交原因 Fallback reasons (Art. 5)</h2>\n");
        simpleTable(h, "原因 reason", t.retrievals().fallbackReasons().entrySet().stream()
                .map(e -> new String[] {e.getKey().chinese() + "（" + e.getKey().name() + ", " + e.getKey().article() + "）",
                        e.getValue().toString()}).toList());
        h.append("<h2>超时情况 SLA breaches by reason</h2>\n");
        simpleTable(h, "原因 reason", t.directed().breaches().entrySet().stream()
                .map(e -> new String[] {e.getKey().chinese() + "（" + e.getKey().name() + "）", e.getValue().toString()}).toList());
        h.append("<h2>违规记录 Violations by rule</h2>\n");
        simpleTable(h, "情形 rule", t.violations().byKind().entrySet().stream()
                .map(e -> new String[] {e.getKey().chinese() + "（" + e.getKey().name() + ", " + e.getKey().article() + "）",
                        e.getValue().toString()}).toList());
        h.append("<h2>投诉反映渠道 Complaints by channel</h2>\n");
        simpleTable(h, "渠道 channel", t.complaints().byChannel().entrySet().stream()
                .map(e -> new String[] {e.getKey().chinese() + "（" + e.getKey().name() + "）", e.getValue().toString()}).toList());
        h.append("<h2>主动提交纸质材料 Voluntary submissions (Art. 4)</h2>\n<p class=\"empty\">共 ").append(t.voluntarySubmissions())
                .append(" 份，其中属免提交材料 ").append(t.voluntaryOfExempt()).append(" 份（均予接收，不拒收）。</p>\n");

        for (ReportDimension d : ReportDimension.values()) {
            h.append("<h2>按").append(esc(d.chinese())).append("统计 By ").append(d.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append("</h2>\n");
            dimensionTable(h, r, d);
        }
        h.append("</main>\n<footer>\n");
        h.append("统计口径见 docs/supervision.md（definitions）。本通报由审计链与存储数据计算，可对任一已结束的统计期重算并逐字节一致。<br>\n");
        h.append("审计链锚点 audit chain through #").append(r.auditThrough().sequence()).append(" <code>").append(esc(r.auditThrough().hash()))
                .append("</code> · 目录版本 catalog v").append(r.catalogVersion()).append(" · 区间 <code>").append(esc(r.period().from().toString()))
                .append(" .. ").append(esc(r.period().to().toString())).append("</code> · ").append(SupervisionExports.REPORT_FORMAT).append("\n");
        h.append("</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void kpi(StringBuilder h, String value, String label, String sub) {
        h.append("<div class=\"kpi\"><div class=\"v").append(value.length() > 12 ? " long" : "").append("\">").append(esc(value)).append("</div><div class=\"l\">").append(esc(label))
                .append("</div><div class=\"s\">").append(esc(sub)).append("</div></div>\n");
    }

    private static void figure(StringBuilder h, String caption, String svg) {
        h.append("<figure><figcaption>").append(esc(caption)).append("</figcaption>\n").append(svg).append("</figure>\n");
    }

    private static void simpleTable(StringBuilder h, String keyHeader, List<String[]> rows) {
        if (rows.isEmpty()) {
            h.append("<p class=\"empty\">无 none</p>\n");
            return;
        }
        h.append("<table><tr><th class=\"k\">").append(esc(keyHeader)).append("</th><th>数量 count</th></tr>\n");
        for (String[] row : rows) {
            h.append("<tr><td class=\"k\">").append(esc(row[0])).append("</td><td>").append(esc(row[1])).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void dimensionTable(StringBuilder h, UsageReport r, ReportDimension d) {
        Map<String, UsageFigures> rows = r.by(d);
        if (rows.isEmpty()) {
            h.append("<p class=\"empty\">无 none</p>\n");
            return;
        }
        h.append("<table><tr><th class=\"k\">代码 key</th><th class=\"k\">名称 name</th><th>办件</th><th>调用</th><th>成功</th><th>转提交</th>")
                .append("<th>缓存</th><th>免证率</th><th>主动提交</th><th>定向</th><th>按时率</th><th>P50</th><th>P90</th><th>超时</th>")
                .append("<th>退回</th><th>转办</th><th>违规</th><th>投诉</th></tr>\n");
        for (Map.Entry<String, UsageFigures> e : rows.entrySet()) {
            UsageFigures f = e.getValue();
            String name = r.label(d, e.getKey());
            h.append("<tr><td class=\"k\">").append(esc(e.getKey())).append("</td><td class=\"k\">").append(esc(name.equals(e.getKey()) ? "" : name))
                    .append("</td>");
            cell(h, f.casesOpened());
            cell(h, f.retrievals().total());
            cell(h, f.retrievals().outcome(RetrievalOutcome.RETRIEVED) + f.retrievals().outcome(RetrievalOutcome.MISMATCH));
            cell(h, f.retrievals().outcome(RetrievalOutcome.MUST_SUBMIT));
            cell(h, f.retrievals().cacheHits());
            h.append("<td>").append(esc(pct(f.exemption()))).append("</td>");
            cell(h, f.voluntarySubmissions());
            cell(h, f.directed().created());
            h.append("<td>").append(esc(pct(f.directed().compliance()))).append("</td>");
            h.append("<td>").append(esc(SupervisionExports.human(f.directed().responseP50()))).append("</td>");
            h.append("<td>").append(esc(SupervisionExports.human(f.directed().responseP90()))).append("</td>");
            cell(h, f.directed().breachCount());
            cell(h, f.directed().returned());
            cell(h, f.directed().transferred());
            cell(h, f.violations().total());
            cell(h, f.complaints().received());
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void cell(StringBuilder h, long v) {
        h.append("<td>").append(v).append("</td>");
    }

    // ------------------------------------------------------------------ service guide

    static String guide(ServiceGuide g) {
        StringBuilder h = new StringBuilder(16 * 1024);
        head(h, g.itemName() + " 办事指南");
        h.append("<header>\n<h1>").append(esc(g.itemName())).append(" · 办事指南</h1>\n<p>事项编码 ").append(esc(g.itemCode())).append(" · ")
                .append(esc(g.departmentName())).append(" · ").append(g.handling() == org.mianzheng.api.Handling.COMMITMENT ? "承诺件" : "即办件")
                .append(" · 免证办目录第 ").append(g.catalogVersion()).append(" 版（本事项最近一次备案：第 ").append(g.lastChange()).append(" 号，")
                .append(esc(g.lastChangedAt().toString())).append("）</p>\n</header>\n<main>\n");
        h.append("<h2>您无需携带的材料（").append(g.notNeeded().size()).append(" 项）</h2>\n");
        guideTable(h, g.notNeeded());
        h.append("<h2>您仍需提交的材料（").append(g.stillNeeded().size()).append(" 项）</h2>\n");
        guideTable(h, g.stillNeeded());
        h.append("<h2>温馨提示</h2>\n<p class=\"empty\">您仍可自愿提交纸质材料，窗口予以接收，不会拒收（第四条）。"
                + "如遇窗口索要已免提交材料或其他办不成的事，可到政务服务中心“办不成事反映”窗口反映，或拨打12345热线（第二十一条）。</p>\n");
        h.append("</main>\n<footer>本指南依据免证办目录自动生成，目录备案变更后即时更新（第十六条、第十七条）。 As of ")
                .append(esc(g.asOf().toString())).append("</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void guideTable(StringBuilder h, List<GuideEntry> entries) {
        if (entries.isEmpty()) {
            h.append("<p class=\"empty\">无</p>\n");
            return;
        }
        h.append("<table><tr><th class=\"k\">材料</th><th class=\"k\">说明</th><th class=\"k\">设定依据</th></tr>\n");
        for (GuideEntry e : entries) {
            h.append("<tr><td class=\"k\">").append(esc(e.name())).append("</td><td class=\"k\" style=\"white-space:normal\">")
                    .append(esc(e.explanation())).append("</td><td class=\"k\">").append(esc(e.legalBasis())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }
}
