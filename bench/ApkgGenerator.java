import io.demodeck.importer.anki.ApkgFixtures;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes bench-history.apkg: N "Basic (and reversed card)" notes, so 2N cards, each with a five-entry review log
 * (learn Good, learn Good, review Good a day later, review Again three days after, relearn Good): 10 N entries.
 * Uses the test fixtures' package builder, so it runs on the test class path:
 * java -cp target/test-classes:target/classes:<dependencies> bench/ApkgGenerator.java <out-dir> <notes>
 */
public class ApkgGenerator {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        int notes = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String[][] rows = new String[notes][];
        for (int i = 0; i < notes; i++) {
            rows[i] = new String[] {"bench-" + i, "1002", "palabra " + i + "\u001fword " + i, "bench t" + i % 50};
        }
        long minute = 60_000;
        long day = 86_400_000;
        long[][] revlog = new long[notes * 2 * 5][];
        int k = 0;
        for (int i = 0; i < notes; i++) {
            for (int ord = 0; ord < 2; ord++) {
                long t = ApkgFixtures.T0 + (2L * i + ord) * 37_000;
                long card = ApkgFixtures.cardId(i, ord);
                revlog[k++] = new long[] {t, card, 3, 6000, 0};
                revlog[k++] = new long[] {t + 10 * minute, card, 3, 4000, 0};
                revlog[k++] = new long[] {t + day, card, 3, 5000, 1};
                revlog[k++] = new long[] {t + 4 * day, card, 1, 9000, 1};
                revlog[k++] = new long[] {t + 4 * day + 10 * minute, card, 3, 3000, 2};
            }
        }
        Files.createDirectories(out);
        Files.write(out.resolve("bench-history.apkg"), ApkgFixtures.legacy(rows, revlog));
        System.out.println("wrote " + out.resolve("bench-history.apkg") + ": " + notes + " notes, " + 2 * notes
                + " cards, " + revlog.length + " review-log entries");
    }
}
