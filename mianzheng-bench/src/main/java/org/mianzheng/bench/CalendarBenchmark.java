package org.mianzheng.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mianzheng.core.calendar.Deadline;
import org.mianzheng.core.calendar.WorkingCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Working-time arithmetic of {@link WorkingCalendar} ({@code add}, {@code deadline}, {@code between}) against the
 * natural-time baseline ({@code Instant.plus}, {@code Duration.between}) on the same inputs. Goal: at least 5 M
 * ops/s per thread (5 ops/µs) and only the result allocated.
 *
 * <p>{@code impl}: {@code natural} = baseline; {@code calendar} = {@link WorkingCalendar#china()} with starts in the
 * loaded years 2025–2026 (compiled arrays); {@code provisional} = the same calendar with starts in 2028–2030
 * (year-type tables of the regular week). Inputs: 1,024 random starts (any second, fixed seed), working goals mixed
 * from 15 min, 30 min, 2 h, 7 h and random up to 40 h; {@code between} pairs up to 10 days apart.
 *
 * <p>Run (1 and 2 threads):
 * <pre>
 * mvn -B -q -pl mianzheng-bench -am package -DskipTests
 * java -jar mianzheng-bench/target/benchmarks.jar CalendarBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -t 1 -prof gc
 * java -jar mianzheng-bench/target/benchmarks.jar CalendarBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -t 2 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CalendarBenchmark {
    static final int N = 1024;

    /** {@code natural}: baseline; {@code calendar}: loaded years; {@code provisional}: beyond them. */
    @Param({"natural", "calendar", "provisional"})
    public String impl;

    WorkingCalendar calendar;
    boolean natural;
    final Instant[] starts = new Instant[N];
    final Instant[] ends = new Instant[N];
    final Duration[] goals = new Duration[N];

    /** Per-thread cursor over the inputs. */
    @State(Scope.Thread)
    public static class Cursor {
        int i;

        int next() {
            i = (i + 1) & (N - 1);
            return i;
        }
    }

    /** Builds the calendar and the inputs. */
    @Setup(Level.Trial)
    public void setUp() {
        calendar = WorkingCalendar.china();
        natural = impl.equals("natural");
        int fromYear = impl.equals("provisional") ? 2028 : 2025;
        long from = Instant.parse(fromYear + "-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse((fromYear + (impl.equals("provisional") ? 3 : 2)) + "-01-01T00:00:00Z").getEpochSecond() - 20 * 86_400;
        SplittableRandom rnd = new SplittableRandom(20_260_214L);
        Duration[] common = {Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(7)};
        for (int i = 0; i < N; i++) {
            starts[i] = Instant.ofEpochSecond(rnd.nextLong(from, to));
            ends[i] = starts[i].plusSeconds(rnd.nextLong(0, 10 * 86_400L));
            goals[i] = rnd.nextInt(5) < 4 ? common[rnd.nextInt(common.length)] : Duration.ofSeconds(rnd.nextLong(0, 40 * 3_600L));
        }
        if (!natural) {
            for (int i = 0; i < N; i++) {
                Deadline d = calendar.deadline(starts[i], goals[i]);
                if (!calendar.between(starts[i], d.at()).equals(goals[i]) || d.provisional() != impl.equals("provisional")) {
                    throw new IllegalStateException("calendar self-check failed at " + starts[i] + " + " + goals[i]);
                }
            }
        }
    }

    /**
     * @param c cursor
     * @return the deadline instant
     */
    @Benchmark
    public Instant add(Cursor c) {
        int i = c.next();
        return natural ? starts[i].plus(goals[i]) : calendar.add(starts[i], goals[i]);
    }

    /**
     * @param c cursor
     * @return the deadline with its provisional flag
     */
    @Benchmark
    public Deadline deadline(Cursor c) {
        int i = c.next();
        return natural ? new Deadline(starts[i].plus(goals[i]), false) : calendar.deadline(starts[i], goals[i]);
    }

    /**
     * @param c cursor
     * @return the time between a pair
     */
    @Benchmark
    public Duration between(Cursor c) {
        int i = c.next();
        return natural ? Duration.between(starts[i], ends[i]) : calendar.between(starts[i], ends[i]);
    }
}
