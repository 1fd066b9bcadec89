package io.demodeck.review.scheduler;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Next-state computations per second on one thread: a realistic mix of card states and answers,
 * fuzz on, a region time zone with a 4 a.m. rollover. Run with {@code bench/scheduler.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SchedulerBenchmark {

    private static final int SIZE = 4096;

    private Scheduler scheduler;
    private final CardState[] cards = new CardState[SIZE];
    private final Rating[] ratings = new Rating[SIZE];
    private final Instant[] times = new Instant[SIZE];
    private int next;

    @Setup
    public void setUp() {
        scheduler = new Scheduler(SchedulerSettings.defaults().withDayBoundary(ZoneId.of("Europe/Berlin"), 4));
        Random random = new Random(42);
        Instant base = Instant.parse("2026-11-26T08:00:00Z");
        for (int i = 0; i < SIZE; i++) {
            int kind = random.nextInt(100);
            double s = Math.exp(random.nextDouble() * 7); // 1 .. 1100 days
            double d = 1 + random.nextDouble() * 9;
            Instant last = base.minus(Duration.ofMinutes(random.nextInt(200_000)));
            cards[i] = kind < 10 ? CardState.newCard(base)                                           // 10% new
                    : kind < 25 ? new CardState(io.demodeck.review.scheduler.State.LEARNING, random.nextInt(2), s / 100, d, base, last, 1, 0)
                    : kind < 90 ? new CardState(io.demodeck.review.scheduler.State.REVIEW, null, s, d, base, last, 5, 1)          // 65% review
                    : new CardState(io.demodeck.review.scheduler.State.RELEARNING, 0, s / 10, d, base, last, 8, 2);
            int answer = random.nextInt(100); // typical button mix: mostly Good
            ratings[i] = answer < 10 ? Rating.AGAIN : answer < 22 ? Rating.HARD : answer < 92 ? Rating.GOOD : Rating.EASY;
            times[i] = base.plus(Duration.ofMinutes(random.nextInt(600)));
        }
    }

    @Benchmark
    public Outcome nextState() {
        int i = next++ & (SIZE - 1);
        return scheduler.next(i, cards[i], ratings[i], times[i]);
    }
}
