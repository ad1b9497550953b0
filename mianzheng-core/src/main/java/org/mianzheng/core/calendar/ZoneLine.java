package org.mianzheng.core.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Converts between epoch seconds and "local seconds" (seconds since 1970-01-01T00:00 local time) in one zone,
 * without allocating when the offset is known to be constant (e.g. Asia/Shanghai since 1991). Package-private.
 */
final class ZoneLine {
    private static final long MARGIN = 2 * CivilDays.SECONDS_PER_DAY;

    private final ZoneId zone;
    private final ZoneRules rules;
    /** From this epoch second on the offset is {@link #fixedOffset}; {@code Long.MAX_VALUE} if never. */
    private final long fixedFrom;
    private final int fixedOffset;

    ZoneLine(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        if (rules.isFixedOffset()) {
            fixedFrom = Long.MIN_VALUE;
            fixedOffset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
        } else if (rules.getTransitionRules().isEmpty()) {
            List<ZoneOffsetTransition> ts = rules.getTransitions();
            if (ts.isEmpty()) {
                fixedFrom = Long.MIN_VALUE;
                fixedOffset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
            } else {
                ZoneOffsetTransition last = ts.get(ts.size() - 1);
                fixedFrom = last.toEpochSecond();
                fixedOffset = last.getOffsetAfter().getTotalSeconds();
            }
        } else {
            fixedFrom = Long.MAX_VALUE;
            fixedOffset = 0;
        }
    }

    long toLocal(long epochSecond) {
        if (epochSecond >= fixedFrom) {
            return epochSecond + fixedOffset;
        }
        return epochSecond + rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    }

    /** Local to epoch; a local time in a gap moves forward by the gap, an ambiguous one takes the earlier offset. */
    long toEpoch(long localSecond) {
        if (fixedFrom != Long.MAX_VALUE) {
            long e = localSecond - fixedOffset;
            if (fixedFrom == Long.MIN_VALUE || e >= fixedFrom + MARGIN) {
                return e;
            }
        }
        LocalDateTime ldt = LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC);
        return ZonedDateTime.ofLocal(ldt, zone, null).toEpochSecond();
    }
}
