package io.demodeck.demo.catalog.datarace;

import io.demodeck.demo.ChildJvm;
import io.demodeck.demo.Demo;
import io.demodeck.demo.DemoEntry;
import io.demodeck.demo.DemoEntry.Size;
import io.demodeck.demo.DemoResult.Claim;
import io.demodeck.demo.DemoResult.GoComparison;
import io.demodeck.demo.DemoResult.Row;
import io.demodeck.demo.DemoTools;
import io.demodeck.demo.DemoTools.GoPart;
import io.demodeck.demo.GoToolchain;
import io.demodeck.demo.Measured;
import io.demodeck.demo.Text;
import io.demodeck.demo.child.DemoChild.Mode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.demodeck.demo.ChildJvm.ONE_CARRIER;
import static io.demodeck.demo.DemoMeasurements.claim;
import static io.demodeck.demo.DemoMeasurements.flags;
import static io.demodeck.demo.DemoMeasurements.n;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;

/** The data-race demo: unsynchronized increments get lost, atomic and locked ones do not (and Go's -race). */
public final class DataRaceDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("data-race",
            new Text("Гонка данных: потерянные инкременты",
                    "Data race: lost increments"),
            new Text("Несколько потоков одновременно увеличивают общий счётчик: обычный int, volatile int, AtomicInteger и "
                            + "счётчик под блокировкой. Затем то же на виртуальных потоках с одним носителем.",
                    "Several threads increment one shared counter at once: a plain int, a volatile int, an AtomicInteger "
                            + "and a counter under a lock. Then the same on virtual threads with a single carrier."),
            new Size("threads", 4, 4, 4, 4),
            new Size("incrementsPerThread", 200_000, 1_000_000, 1_000_000, 1_000_000));

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        ChildJvm child = tools.child();
        GoToolchain go = tools.go();
        int threads = sizes.get("threads");
        int increments = sizes.get("incrementsPerThread");
        long expected = (long) threads * increments;
        List<String> oneCarrier = new ArrayList<>(ONE_CARRIER);
        oneCarrier.add("-Ddemodeck.virtual=true");
        ChildJvm.Output platform = child.run(Mode.DATA_RACE, List.of(), List.of(threads, increments), null);
        ChildJvm.Output virtual = child.run(Mode.DATA_RACE, oneCarrier, List.of(threads, increments), null);
        // the claim is decided on platform threads; the breaking setting decides it on one carrier, which hides the race
        ChildJvm.Output decided = breaking ? virtual : platform;
        long plain = count(platform, "plain");
        long vol = count(platform, "volatile");
        long atomic = count(platform, "atomic");
        long locked = count(platform, "lock");
        long oneCarrierPlain = count(virtual, "plain");
        long decidedLost = Math.max(expected - count(decided, "plain"), expected - count(decided, "volatile"));
        // the rounds the child ran until a loss showed (or its bound, when none did)
        int decidedRounds = Math.max(rounds(decided, "plain"), rounds(decided, "volatile"));
        boolean exact = count(decided, "atomic") == expected && count(decided, "lock") == expected;
        List<Row> rows = List.of(
                row("expected", "Ожидалось", "Expected", expected, ""),
                row("platform.plain", "int++ (платформенные потоки)", "int++ (platform threads)", plain, ""),
                row("platform.plainLost", "Потеряно обновлений int++", "Lost int++ updates", expected - plain, ""),
                row("platform.plainRounds", "Прогонов int++ до первой потери", "int++ rounds until a loss showed",
                        rounds(platform, "plain"), ""),
                row("platform.volatile", "volatile int++", "volatile int++", vol, ""),
                row("platform.volatileRounds", "Прогонов volatile int++ до первой потери",
                        "volatile int++ rounds until a loss showed", rounds(platform, "volatile"), ""),
                row("platform.atomic", "AtomicInteger", "AtomicInteger", atomic, ""),
                row("platform.atomicMillis", "AtomicInteger, время", "AtomicInteger, time", millis(platform, "atomic"), "ms"),
                row("platform.lock", "ReentrantLock", "ReentrantLock", locked, ""),
                row("platform.lockMillis", "ReentrantLock, время", "ReentrantLock, time", millis(platform, "lock"), "ms"),
                row("oneCarrier.plain", "int++ на виртуальных потоках с одним носителем", "int++ on virtual threads, one carrier", oneCarrierPlain, ""));
        List<Claim> claims = new ArrayList<>(List.of(claim("plainLosesAtomicExact", decidedLost > 0 && exact,
                "Несинхронизированный ++ (и на volatile-поле) теряет обновления, AtomicInteger и блокировка точны",
                "An unsynchronized ++ (even on a volatile field) loses updates; AtomicInteger and a lock are exact",
                text(l -> (decidedLost > 0
                        ? (ru(l) ? "%s (%s): потеряно до %s из %s (прогонов: %s); AtomicInteger %s, блокировка %s"
                                : "%s (%s): up to %s of %s lost (rounds: %s); AtomicInteger %s, lock %s")
                        : (ru(l) ? "%s (%s): потеряно %s из %s — ни одной потери за %s прогонов; AtomicInteger %s, блокировка %s"
                                : "%s (%s): %s of %s lost: no loss showed in %s rounds; AtomicInteger %s, lock %s"))
                        .formatted(decided == virtual ? (ru(l) ? "виртуальные потоки, один носитель" : "virtual threads, one carrier")
                                        : (ru(l) ? "платформенные потоки" : "platform threads"), n(threads, l),
                                n(decidedLost, l), n(expected, l), n(decidedRounds, l), n(count(decided, "atomic"), l),
                                n(count(decided, "lock"), l))))));
        Text proof = text(l -> (ru(l)
                ? "%s потоков × %s несинхронизированных инкрементов дали %s из %s (потеряно %s); volatile дал %s — volatile не делает ++ атомарным. AtomicInteger дал %s, блокировка — %s. На виртуальных потоках с одним носителем обычный счётчик дал %s: без вытеснения гонка может спрятаться, но это удача, а не исправление."
                : "%s threads × %s unsynchronized increments gave %s of %s (%s lost); volatile gave %s: volatile does not make ++ atomic. AtomicInteger gave %s and the lock gave %s. On virtual threads with a single carrier the plain counter gave %s: without preemption the race can hide, by luck, not by a fix.")
                .formatted(n(threads, l), n(increments, l), n(plain, l), n(expected, l), n(expected - plain, l), n(vol, l),
                        n(atomic, l), n(locked, l), n(oneCarrierPlain, l)));
        // Go runs its increments in a few milliseconds: a million each, so that the goroutines overlap at all
        int goIncrements = 1_000_000;
        GoComparison goSide = tools.goComparison(claims, () -> go.run("race", List.of(goIncrements), Map.of()).map(g -> {
            long goPlain = Long.parseLong(g.get("plain"));
            long goAtomic = Long.parseLong(g.get("atomic"));
            long goExpected = 4L * goIncrements;
            List<Row> goRows = new ArrayList<>(List.of(
                    row("go.plain", "Go: counter++ в 4 горутинах × 1 000 000 (худший из 10 прогонов)",
                            "Go: counter++ in 4 goroutines × 1,000,000 (the worst of 10 rounds)", goPlain, ""),
                    row("go.atomic", "Go: atomic.AddInt64", "Go: atomic.AddInt64", goAtomic, "")));
            List<Claim> goClaims = new ArrayList<>(List.of(claim("go.plainLosesAtomicExact", goPlain < goExpected && goAtomic == goExpected,
                    "В Go несинхронизированный counter++ тоже теряет обновления, atomic точен",
                    "In Go an unsynchronized counter++ loses updates too; atomic is exact",
                    text(l -> (ru(l) ? "%s из %s; atomic %s" : "%s of %s; atomic %s").formatted(n(goPlain, l), n(goExpected, l), n(goAtomic, l))))));
            Optional<Boolean> detected = go.raceDetected(increments);
            if (detected.isPresent()) {
                goRows.add(row("go.raceDetector", "go build -race сообщил WARNING: DATA RACE", "go build -race reported WARNING: DATA RACE", detected.get(), ""));
                goClaims.add(claim("go.raceDetectorFindsIt", detected.get(),
                        "Детектор гонок Go (-race) находит эту гонку", "Go's race detector (-race) finds this race",
                        text(l -> (ru(l) ? "4 горутины × %s инкрементов под -race: %s" : "4 goroutines × %s increments under -race: %s")
                                .formatted(n(Math.min(increments, 100_000), l), detected.get() ? "WARNING: DATA RACE"
                                        : (ru(l) ? "сообщения нет" : "no report")))));
            } else {
                goRows.add(row("go.raceDetector", "go build -race", "go build -race", go.raceNote().en(), ""));
            }
            return new GoPart(goRows, goClaims);
        }));
        return new Measured(true, rows, List.of(), proof, claims, List.of(flags(platform), flags(virtual)), goSide);
    }

    private static long count(ChildJvm.Output o, String key) {
        return Long.parseLong(o.text(key).split(";")[0]);
    }

    /** How many rounds the child ran for this counter (1 for the exact ones). */
    private static int rounds(ChildJvm.Output o, String key) {
        String[] parts = o.text(key).split(";");
        return parts.length > 2 ? Integer.parseInt(parts[2]) : 1;
    }

    private static long millis(ChildJvm.Output o, String key) {
        return Long.parseLong(o.text(key).split(";")[1]);
    }
}
