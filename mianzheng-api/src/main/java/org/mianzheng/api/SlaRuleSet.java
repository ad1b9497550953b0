package org.mianzheng.api;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A versioned SLA table: one rule per (origin, complexity). Every work order records the version it was created under.
 *
 * @param version version number, from 1
 * @param rules   exactly one rule per origin and complexity
 */
public record SlaRuleSet(int version, List<SlaRule> rules) {
    /** Validating constructor. */
    public SlaRuleSet {
        if (version < 1) {
            throw new InvalidValueException("version", "starts at 1");
        }
        rules = List.copyOf(InvalidValueException.requireNonNull(rules, "rules"));
        for (Origin o : Origin.values()) {
            for (Complexity c : Complexity.values()) {
                long n = rules.stream().filter(r -> r.origin() == o && r.complexity() == c).count();
                if (n != 1) {
                    throw new InvalidValueException("rules", "need exactly one rule for " + o + "/" + c + ", found " + n);
                }
            }
        }
    }

    /**
     * The defaults of the operating rules (DESIGN.md §4): window normal 30 working minutes; window complex or 承诺件
     * 24 natural hours; online normal 24 h; online complex 48 h; return within 15 working minutes (window) or 2
     * working hours (online). A goal shorter than a working day counts working time; 24 hours or more natural time.
     *
     * @return version 1 with the defaults
     */
    public static SlaRuleSet defaults() {
        return new SlaRuleSet(1, List.of(
                new SlaRule(Origin.WINDOW, Complexity.NORMAL, Duration.ofMinutes(30), ClockKind.WORKING, Duration.ofMinutes(15), ClockKind.WORKING),
                new SlaRule(Origin.WINDOW, Complexity.COMPLEX, Duration.ofHours(24), ClockKind.NATURAL, Duration.ofMinutes(15), ClockKind.WORKING),
                new SlaRule(Origin.ONLINE, Complexity.NORMAL, Duration.ofHours(24), ClockKind.NATURAL, Duration.ofHours(2), ClockKind.WORKING),
                new SlaRule(Origin.ONLINE, Complexity.COMPLEX, Duration.ofHours(48), ClockKind.NATURAL, Duration.ofHours(2), ClockKind.WORKING)));
    }

    /**
     * @param origin     origin
     * @param complexity complexity
     * @return the rule
     */
    public SlaRule rule(Origin origin, Complexity complexity) {
        for (SlaRule r : rules) {
            if (r.origin() == origin && r.complexity() == complexity) {
                return r;
            }
        }
        throw new InvalidValueException("rules", "no rule for " + origin + "/" + complexity);
    }

    /** @return the rules by origin and complexity */
    public Map<Origin, Map<Complexity, SlaRule>> table() {
        Map<Origin, Map<Complexity, SlaRule>> t = new EnumMap<>(Origin.class);
        for (SlaRule r : rules) {
            t.computeIfAbsent(r.origin(), k -> new EnumMap<>(Complexity.class)).put(r.complexity(), r);
        }
        return t;
    }
}
