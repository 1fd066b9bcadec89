import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark inputs: a GIFT file with N questions of every type and an Anki text file with N rows.
 * Run: java bench/ImportGenerator.java <out-dir> <n>
 */
public class ImportGenerator {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Files.createDirectories(out);
        StringBuilder gift = new StringBuilder("$CATEGORY: $course$/Benchmark\n\n");
        for (int i = 0; i < n; i++) {
            gift.append("// [id:q").append(i).append("]\n// [tag:bench] [tag:t").append(i % 50).append("]\n");
            gift.append("::Q").append(i).append("::");
            switch (i % 7) {
                case 0 -> gift.append("Which number is ").append(i).append("?{=").append(i).append("#Right ~").append(i + 1)
                        .append("#No ~").append(i + 2).append(" ####The number itself.}");
                case 1 -> gift.append("Pick the even ones of ").append(i).append(".{~%50%").append(2 * i).append(" ~%50%")
                        .append(2 * i + 2).append(" ~%-100%").append(2 * i + 1).append("}");
                case 2 -> gift.append("Statement ").append(i).append(" is true.{TRUE#Wrong#Right}");
                case 3 -> gift.append("Name thing ").append(i).append(".{=thing").append(i).append(" =%50%item").append(i).append("}");
                case 4 -> gift.append("What is ").append(i).append(" plus one?{#").append(i + 1).append(":0.5}");
                case 5 -> gift.append("Match pair ").append(i).append(".{=a").append(i).append(" -> b").append(i)
                        .append(" =c").append(i).append(" -> d").append(i).append("}");
                default -> gift.append("Explain concept ").append(i).append(" \\{with escapes\\}.{}");
            }
            gift.append("\n\n");
        }
        Files.writeString(out.resolve("bench.gift"), gift, StandardCharsets.UTF_8);

        StringBuilder csv = new StringBuilder("#separator:tab\n#html:true\n#tags:bench\n#guid column:1\n");
        for (int i = 0; i < n; i++) {
            csv.append("g").append(i).append('\t').append("Term number ").append(i).append(" <b>bold</b>\t")
                    .append("\"Definition ").append(i).append("\nwith a second line and a \"\"quote\"\"\"\n");
        }
        Files.writeString(out.resolve("bench.txt"), csv, StandardCharsets.UTF_8);
        System.out.printf("wrote %d questions to %s/bench.gift (%d bytes) and %s/bench.txt (%d bytes)%n", n, out,
                Files.size(out.resolve("bench.gift")), out, Files.size(out.resolve("bench.txt")));
    }
}
