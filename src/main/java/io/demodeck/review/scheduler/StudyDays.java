package io.demodeck.review.scheduler;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts days the way a learner lives them: a study day starts at {@code rolloverHour} local time in
 * the learner's zone (Anki's "next day starts at", default 4 a.m.), so a late-night session still
 * belongs to the evening's day. Zone UTC with rollover 0 gives UTC calendar days (ts-fsrs).
 */
public final class StudyDays {

    private static final int SECONDS_PER_DAY = 86_400;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final int rolloverHour;
    private final int rolloverSeconds;
    // fixed-offset zones (UTC and friends) skip the rules lookup: the scheduler's hot path
    private final int fixedOffsetSeconds;
    private final boolean fixedOffset;
    // the offset period of the last lookup: almost every call falls into it (immutable, so a racy read is safe)
    private OffsetPeriod lastPeriod = new OffsetPeriod(0, -1, 0);
    // the period of the last lookup outside it: a previous review from before the latest DST change
    private OffsetPeriod otherPeriod = new OffsetPeriod(0, -1, 0);
    private final OffsetTable offsetTable;

    private record OffsetPeriod(long fromSecond, long untilSecond, int offsetSeconds) {
    }

    public StudyDays(ZoneId zone, int rolloverHour) {
        this.zone = Objects.requireNonNull(zone, "zone");
        if (rolloverHour < 0 || rolloverHour > 23) {
            throw new IllegalArgumentException("rolloverHour = " + rolloverHour + " is outside 0..23");
        }
        this.rules = zone.getRules();
        this.rolloverHour = rolloverHour;
        this.rolloverSeconds = rolloverHour * 3600;
        this.fixedOffset = rules.isFixedOffset();
        this.fixedOffsetSeconds = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
        this.offsetTable = fixedOffset ? null : OffsetTable.of(zone, rules);
        if (!fixedOffset) {
            // most instants a scheduler sees are "now": start with the offset period around it cached
            lastPeriod = periodAround(Instant.now().getEpochSecond());
        }
    }

    public static StudyDays utcCalendarDays() {
        return new StudyDays(ZoneOffset.UTC, 0);
    }

    /** The study-day number of an instant (days since 1970-01-01 of the shifted local date). */
    public long dayNumber(Instant instant) {
        long second = instant.getEpochSecond();
        return Math.floorDiv(second + offsetSeconds(second) - rolloverSeconds, SECONDS_PER_DAY);
    }

    private int offsetSeconds(long second) {
        if (fixedOffset) {
            return fixedOffsetSeconds;
        }
        OffsetPeriod period = lastPeriod;
        if (second >= period.fromSecond() && second < period.untilSecond()) {
            return period.offsetSeconds();
        }
        OffsetPeriod other = otherPeriod;
        if (second >= other.fromSecond() && second < other.untilSecond()) {
            return other.offsetSeconds();
        }
        OffsetTable table = offsetTable;
        if (second >= table.from && second < table.until) {
            // cards reviewed on both sides of a DST change: a binary search, no ZoneRules walk
            int i = Arrays.binarySearch(table.transitions, second);
            int index = i >= 0 ? i + 1 : -i - 1; // number of transitions <= second
            long[] transitions = table.transitions;
            otherPeriod = new OffsetPeriod(index == 0 ? table.from : transitions[index - 1],
                    index == transitions.length ? table.until : transitions[index], table.offsets[index]);
            return table.offsets[index];
        }
        period = periodAround(second);
        lastPeriod = period;
        return period.offsetSeconds();
    }

    /** The offset period [last transition <= second, first transition > second). */
    private OffsetPeriod periodAround(long second) {
        Instant whole = Instant.ofEpochSecond(second);
        ZoneOffsetTransition previous = rules.previousTransition(Instant.ofEpochSecond(second + 1));
        ZoneOffsetTransition next = rules.nextTransition(whole);
        return new OffsetPeriod(previous == null ? Long.MIN_VALUE : previous.toEpochSecond(),
                next == null ? Long.MAX_VALUE : next.toEpochSecond(), rules.getOffset(whole).getTotalSeconds());
    }

    /**
     * The zone's offsets from 1970 to 2100 as sorted transition instants: offsets[i] applies before
     * transitions[i] (and after transitions[i-1]). Built once per zone.
     */
    private static final class OffsetTable {
        private static final long FROM = 0; // 1970-01-01
        private static final long UNTIL = 4_102_444_800L; // 2100-01-01
        private static final Map<ZoneId, OffsetTable> CACHE = new ConcurrentHashMap<>();

        final long from;
        final long until;
        final long[] transitions;
        final int[] offsets;

        private OffsetTable(ZoneRules rules) {
            List<Long> instants = new ArrayList<>();
            List<Integer> values = new ArrayList<>();
            values.add(rules.getOffset(Instant.ofEpochSecond(FROM)).getTotalSeconds());
            ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochSecond(FROM));
            while (t != null && t.toEpochSecond() < UNTIL && instants.size() < 10_000) {
                instants.add(t.toEpochSecond());
                values.add(t.getOffsetAfter().getTotalSeconds());
                t = rules.nextTransition(t.getInstant());
            }
            this.from = FROM;
            this.until = UNTIL;
            this.transitions = instants.stream().mapToLong(Long::longValue).toArray();
            this.offsets = values.stream().mapToInt(Integer::intValue).toArray();
        }

        static OffsetTable of(ZoneId zone, ZoneRules rules) {
            return CACHE.computeIfAbsent(zone, z -> new OffsetTable(rules));
        }
    }

    /** Whole study days from {@code earlier} to {@code later}; never negative. */
    public int between(Instant earlier, Instant later) {
        long days = dayNumber(later) - dayNumber(earlier);
        return days <= 0 ? 0 : (int) Math.min(days, Integer.MAX_VALUE);
    }

    /** The instant the study day containing {@code instant} began. */
    public Instant startOfDay(Instant instant) {
        return startOfDayNumber(dayNumber(instant));
    }

    /** The instant the study day after the one containing {@code instant} begins. */
    public Instant startOfNextDay(Instant instant) {
        return startOfDayNumber(dayNumber(instant) + 1);
    }

    private Instant startOfDayNumber(long dayNumber) {
        // atStartOfDay-like resolution: a rollover hour inside a DST gap moves forward
        return LocalDate.ofEpochDay(dayNumber).atTime(rolloverHour, 0).atZone(zone).toInstant();
    }

    public ZoneId zone() {
        return zone;
    }

    public int rolloverHour() {
        return rolloverHour;
    }
}
