package org.mianzheng.examples;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mianzheng.api.Case;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.ConsentRequest;
import org.mianzheng.api.DeadlineShift;
import org.mianzheng.api.Digests;
import org.mianzheng.api.Holder;
import org.mianzheng.api.Role;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.calendar.CalendarJson;
import org.mianzheng.core.calendar.HolidayYear;

/**
 * Loading a new year's holiday calendar: an order created in a year the bundled data does not cover has a
 * provisional deadline; the new year's file is parsed, a dry run shows which open orders would move, then the update
 * is applied (audited). Run: {@code java -cp examples/target/mianzheng-examples.jar org.mianzheng.examples.LoadHolidayYearExample}.
 */
public final class LoadHolidayYearExample {
    private LoadHolidayYearExample() {
    }

    /** @param args unused */
    public static void main(String[] args) throws Exception {
        run(new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    /**
     * @param out where to print
     * @return the deadline shifts applied
     * @throws Exception if the bundled example file cannot be read
     */
    public static List<DeadlineShift> run(PrintStream out) throws Exception {
        // Thursday 2027-09-30 18:15 in Wuhai (summer hours end 18:30): a year without bundled holiday data
        Clock clock = Clock.fixed(ZonedDateTime.of(2027, 9, 30, 18, 15, 0, 0, Mianzheng.DEFAULT_ZONE).toInstant(), Mianzheng.DEFAULT_ZONE);
        try (Mianzheng mz = Mianzheng.builder().clock(clock).build()) {
            mz.catalog().file(SampleCatalog.initialFiling());
            mz.accounts().register("clerk-li", "李窗口", "ZWFWJ", "window-07", Set.of(Role.WINDOW_CLERK), "admin", "市政务服务局");
            mz.accounts().register("sup-wang", "王督查", "ZWFWJ", null, Set.of(Role.SUPERVISOR), "admin", "市政务服务局");
            Case c = mz.cases().open("HBW-2027-000001", "11150300SC0002", Holder.person("11010519491231002X", "张三"), Map.of(), "window-07",
                    "clerk-li");
            mz.consents().grant(new ConsentRequest(c.bizNo(), "clerk-li", Set.of("ZSSYZM"), "办理个体工商户设立登记", ConsentMethod.PAPER_FORM,
                    "form-1", Digests.sha256Hex("form".getBytes(StandardCharsets.UTF_8)), null));
            WorkOrder o = mz.workOrders().request(c.bizNo(), "ZSSYZM", "clerk-li", Complexity.NORMAL);
            out.printf("order to %s: answer due %s, provisional %s%n", o.toDepartment(), o.answerDueAt(), o.provisional());

            List<HolidayYear> y2027;
            try (InputStream in = LoadHolidayYearExample.class.getResourceAsStream("/calendar/holidays-2027-example.json")) {
                y2027 = CalendarJson.parse(in); // a bad file is a CalendarException naming the JSON path and line
            }
            List<DeadlineShift> preview = mz.previewCalendarUpdate(s -> s.withYears(y2027));
            preview.forEach(s -> out.printf("dry run: order %s due %s → %s%n", s.orderId(), s.answerDueBefore(), s.answerDueAfter()));
            List<DeadlineShift> applied = mz.applyCalendarUpdate(s -> s.withYears(y2027), "sup-wang");
            WorkOrder after = mz.workOrders().find(o.id()).orElseThrow();
            out.printf("applied: answer due %s, provisional %s%n", after.answerDueAt(), after.provisional());
            return applied;
        }
    }
}
