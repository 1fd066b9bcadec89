package io.demodeck.importer.fuzz;

import io.demodeck.testsupport.AppJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demodeck.bank.BankMarkdownParser;
import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;
import io.demodeck.importer.Fixtures;
import io.demodeck.importer.ImportFormat;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ParsedImport;
import io.demodeck.importer.anki.ApkgFixtures;
import io.demodeck.importer.export.ExportFormat;
import io.demodeck.importer.export.MediaSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Valid seed files of every import format, the tokens that mean something in each, and the mutated inputs made
 * from them. {@link #generate} is a pure function of (format, seed, iteration): print those three and the case
 * comes back exactly.
 */
public final class FuzzCorpus {

    /** One valid file and the choices it is imported with. */
    public record Seed(byte[] data, String fileName, ImportOptions options) {
    }

    /** One mutated input. */
    public record Case(ImportFormat format, long seed, int iteration, String fileName, ImportOptions options,
                       byte[] data, String mutation) {

        /** How to run this case alone. */
        public String reproduce() {
            return format.id() + " seed " + seed + " iteration " + iteration + " (-Dfuzz.seed=" + seed + " -Dfuzz.case="
                    + format.id() + ":" + iteration + ")";
        }
    }

    private static final Map<ImportFormat, List<String>> TOKENS = new EnumMap<>(Map.of(
            ImportFormat.GIFT, List.of("{", "}", "~", "=", "#", "::", "//", "$CATEGORY:", "$CATEGORY: $course$/top/a/b",
                    "\\", "\\{", "\\}", "\\:", "\\n", "\\=", "\\~", "\\#", "->", "%50%", "%-100%", "%101%", "%abc%", "####",
                    "[html]", "[markdown]", "[plain]", "[moodle]", "// [id:x]", "// [id:]", "// [tag:t]", "{T}", "{FALSE}",
                    "{#1..5}", "{#5..1}", "{#1:2}", "{#", "{=", "{~", "=%", "..", "::name::", "{}", "<b>", "<img src=x>",
                    "{#1e400}", "{#=1:1e309}"),
            ImportFormat.MOODLE_XML, List.of("<", ">", "&", "]]>", "<![CDATA[", "<!DOCTYPE quiz [<!ENTITY x \"y\">]>",
                    "<!DOCTYPE quiz SYSTEM \"http://local.invalid/x.dtd\">", "&amp;", "&lt;", "&#0;", "&#x1F600;", "&#xD800;",
                    "&bogus;", "&x;", "<question type=\"multichoice\">", "<question type=\"numerical\">",
                    "<question type=\"category\">", "<question type=\"cloze\">", "<question>", "</question>", "<text>",
                    "</text>", "<questiontext>", "</questiontext>", "<answer fraction=\"100\">", "</answer>",
                    "fraction=\"1e999\"", "fraction=\"NaN\"", "<file name=\"a.png\" encoding=\"base64\">AAAA</file>",
                    "<file name=\"\">", "@@PLUGINFILE@@/", "@@PLUGINFILE@@/%zz", "<?xml version=\"1.0\"?>",
                    "<?xml version=\"1.1\" encoding=\"UTF-16\"?>", "<!-- x -->", "<?pi x?>", "<a>", "</a>", "<quiz>", "</quiz>",
                    "<subquestion>", "<tolerance>", "<idnumber>", "<tags><tag><text>", " x=\"", "\"", "xmlns:a=\"b\"",
                    "<img src=\"@@PLUGINFILE@@/a.png\">", " name=\"" + "x".repeat(100_000) + "\"",
                    "<file name=\"" + "n".repeat(300) + ".png\" encoding=\"base64\">AAAA</file>"),
            ImportFormat.ANKI_TEXT, List.of("\"", ",", ";", "\t", "|", "#separator:", "#separator:Comma",
                    "#separator:Pipe\n", "#separator:nonsense\n", "#html:true\n", "#html:false\n", "#tags:", "#columns:",
                    "#columns:Back\tFront\n", "#deck:", "#deck:a::b\n", "#notetype:Cloze\n", "#guid column:1\n",
                    "#tags column:0\n", "#deck column:99\n", "#notetype column:-1\n", "#match scope:deck\n", "tags:",
                    "\r", "\r\n", "\u001f", "{{c1::", "}}", "{{c999::x::y}}", "{{c0::x}}", "::", "<hr id=answer>",
                    "[sound:", "[sound:a.mp3]", "]", "<img src=\"x\">", "<b>", "\"\"", "<br>", "&nbsp;"),
            ImportFormat.ANKI_PACKAGE, List.of("PK\u0003\u0004", "PK\u0001\u0002", "PK\u0005\u0006", "PK\u0007\u0008",
                    "collection.anki21", "collection.anki21b", "media", "meta", "\u0000\u0000\u0000\u0000"),
            ImportFormat.QUIZLET, List.of("\t", "\n", " - ", ",", ";", "\\", " * ", "\r", "\t\t", "\n\n"),
            ImportFormat.MARKDOWN, List.of("# deck: x\n", "# deck: Bad Id\n", "# deck:\n", "## ", "## q1\n", "## Q\n",
                    "### en: prompt\n", "### ru: answer\n", "### en: answer\n", "### en: choices\n", "### de: prompt\n",
                    "### en: key points\n", "### en: pairs\n", "### en: accepted\n", "### en: nonsense\n", "- [x] ",
                    "- [ ] ", "- [?] ", "- ", "- a -> b\n", "```", "```\n", "---\ntitle: x\n---\n", "type: numerical\n",
                    "type: true_false\n", "type: flashcard\n", "type: description\n", "range: 1..", "range: 5..1\n",
                    "correct: 1e999\n", "correct: maybe\n", "tolerance: -1\n", "tags: ", "demos: ", "title.en: ",
                    "title.de: x\n", "language: de\n", "key: value\n", "# "),
            ImportFormat.JSON, List.of("{", "}", "[", "]", ",", ":", "\"", "null", "true", "false", "1e999999", "-0",
                    "99999999999999999999999", "\"\\u0000\"", "\"\\ud800\"", "\"\\uDFFF\"", "\\", "\"a\":", "{\"a\":",
                    "[[[[[[[[", "]]]]]]]]", "\"externalId\": \"x\"", "\"type\": \"NOPE\"", "\"line\": -1", "/*", "//",
                    "\"fraction\": 5", "\"texts\": {}", "\"options\": null", "\"questions\": [null]")));

    private static final MediaSource NO_MEDIA = MediaSource.of(List.of());

    private final Map<ImportFormat, List<Seed>> seeds = new EnumMap<>(ImportFormat.class);
    private final Map<ImportFormat, Mutator> mutators = new EnumMap<>(ImportFormat.class);
    private final ApkgMutator apkg;
    private static final ObjectMapper JSON = new ObjectMapper();

    public FuzzCorpus() {
        DeckContent bank = parseMarkdown("markdown/bank-deck.md");
        DeckContent gift = imported(ImportFormat.GIFT, Fixtures.bytes("gift/all-types.gift"), "all-types.gift").deck();
        ParsedImport moodleFile = imported(ImportFormat.MOODLE_XML, Fixtures.bytes("moodle/all-types.xml"), "all-types.xml");
        DeckContent moodle = moodleFile.deck();
        ImportOptions none = ImportOptions.defaults();

        seeds.put(ImportFormat.GIFT, List.of(
                seed("gift/all-types.gift", "all-types.gift", none),
                seed("gift/broken.gift", "broken.gift", none),
                new Seed(Fixtures.written(ExportFormat.GIFT.export(moodle, NO_MEDIA, AppJson.MAPPER)), "moodle.gift", none)));
        seeds.put(ImportFormat.MOODLE_XML, List.of(seed("moodle/all-types.xml", "all-types.xml", none),
                seed("moodle/cloze.xml", "cloze.xml", none), // cloze questions, good and broken
                // DemoDeck's own Moodle XML export, its files embedded
                new Seed(Fixtures.written(ExportFormat.MOODLE_XML.export(moodle, MediaSource.of(moodleFile.media()), AppJson.MAPPER)),
                        "moodle-export.xml", none),
                new Seed(Fixtures.written(ExportFormat.MOODLE_XML.export(gift, NO_MEDIA, AppJson.MAPPER)), "gift.xml", none)));
        seeds.put(ImportFormat.ANKI_TEXT, List.of(
                seed("anki/notes.txt", "notes.txt", none),
                seed("anki/guess.csv", "guess.csv", none),
                new Seed(Fixtures.written(ExportFormat.ANKI_CSV.export(gift, NO_MEDIA, AppJson.MAPPER)), "gift.txt", none)));
        seeds.put(ImportFormat.QUIZLET, List.of(
                seed("quizlet/tab-newline.txt", "set.txt", none),
                seed("quizlet/custom.txt", "custom.txt", new ImportOptions(null, null, " * ", "\\")),
                new Seed(quizlet(bank, ",", ";"), "bank.txt", new ImportOptions(null, null, "comma", "semicolon"))));
        seeds.put(ImportFormat.MARKDOWN, List.of(
                seed("markdown/bank-deck.md", "bank-deck.md", none),
                seed("markdown/plain.md", "plain.md", none),
                new Seed(repoFile("questions/goroutines-threads-processes.md"), "goroutines.md",
                        ImportOptions.defaults().withDeck("fuzz-goroutines"))));
        seeds.put(ImportFormat.JSON, List.of(
                new Seed(Fixtures.written(ExportFormat.JSON.export(bank, NO_MEDIA, AppJson.MAPPER)), "bank.json", none),
                new Seed(Fixtures.written(ExportFormat.JSON.export(gift, NO_MEDIA, AppJson.MAPPER)), "gift.json", none),
                // with its files: the media list, and links that follow them into another deck id
                new Seed(Fixtures.written(ExportFormat.JSON.export(moodle, MediaSource.of(moodleFile.media()), AppJson.MAPPER)),
                        "moodle.json", none)));
        try {
            seeds.put(ImportFormat.ANKI_PACKAGE, List.of(
                    // each with a review log of every kind of entry: carried over as the uploader's history
                    new Seed(ApkgFixtures.legacy(ApkgFixtures.NOTES, ApkgFixtures.REVLOG), "legacy.apkg", none),
                    new Seed(ApkgFixtures.modern(ApkgFixtures.NOTES, ApkgFixtures.REVLOG), "modern.apkg", none),
                    new Seed(ApkgFixtures.modern(ApkgFixtures.NOTES, ApkgFixtures.REVLOG), "whole.colpkg",
                            new ImportOptions(null, null, null, null, false)),
                    // DemoDeck's own Anki package, its files in the media map
                    new Seed(Fixtures.written(ExportFormat.APKG.export(moodle, MediaSource.of(moodleFile.media()), AppJson.MAPPER)),
                            "demodeck.apkg", none)));
        } catch (Exception e) {
            throw new IllegalStateException("the Anki fixtures are built in memory", e);
        }
        TOKENS.forEach((format, tokens) -> mutators.put(format, new Mutator(tokens)));
        apkg = new ApkgMutator(mutators.get(ImportFormat.ANKI_TEXT), mutators.get(ImportFormat.ANKI_PACKAGE),
                mutators.get(ImportFormat.JSON));
    }

    public List<Seed> seeds(ImportFormat format) {
        return seeds.get(format);
    }

    /** The mutated input number {@code iteration} of the run with this seed. */
    public Case generate(ImportFormat format, long seed, int iteration) {
        SplittableRandom random = new SplittableRandom(mix(seed, format.ordinal(), iteration));
        List<Seed> list = seeds.get(format);
        Seed base = list.get(random.nextInt(list.size()));
        List<byte[]> others = list.stream().map(Seed::data).toList();
        Mutator.Mutation m;
        if (format == ImportFormat.ANKI_PACKAGE) {
            m = apkg.mutate(base.data(), random);
        } else if (format == ImportFormat.JSON && random.nextBoolean()) {
            m = jsonTree(base.data(), random);
        } else {
            m = mutators.get(format).mutate(base.data(), random, others);
        }
        // half the inputs name their own deck (Markdown header, JSON id, file name), half get one from the form
        ImportOptions options = random.nextBoolean() ? base.options()
                : base.options().withDeck("fuzz-" + format.id() + "-" + iteration);
        return new Case(format, seed, iteration, base.fileName(), options, m.data(), base.fileName() + ": " + m.description());
    }

    static long mix(long seed, int format, int iteration) {
        long z = seed * 0x9E3779B97F4A7C15L + format * 0xBF58476D1CE4E5B9L + iteration * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A JSON export with one node replaced by the wrong type, a huge value, deep nesting, or removed. */
    private Mutator.Mutation jsonTree(byte[] seed, SplittableRandom r) {
        JsonNode root;
        try {
            root = JSON.readTree(seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode parent = containers.get(r.nextInt(containers.size()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode[] replacements = {f.nullNode(), f.textNode(""), f.textNode("x".repeat(100_000)), f.numberNode(-1),
                f.numberNode(new BigDecimal("1e400")), f.numberNode(Long.MAX_VALUE), f.booleanNode(true), f.arrayNode(),
                f.objectNode(), f.textNode("a\u0000b"), f.textNode("NOPE"), f.textNode("Bad Id!"), f.numberNode(2.5),
                f.textNode(DEEP), f.textNode("<script>x</script><img src=x onerror=y>")};
        JsonNode value = replacements[r.nextInt(replacements.length)];
        String what;
        if (parent instanceof ObjectNode o && !o.isEmpty()) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = names.get(r.nextInt(names.size()));
            switch (r.nextInt(4)) {
                case 0 -> {
                    o.remove(name);
                    what = "remove field '" + name + "'";
                }
                case 1 -> {
                    JsonNode other = containers.get(r.nextInt(containers.size()));
                    o.set(name, other.deepCopy());
                    what = "replace field '" + name + "' by a copy of another node";
                }
                default -> {
                    o.set(name, value);
                    what = "field '" + name + "' -> " + describe(value);
                }
            }
        } else if (parent instanceof ArrayNode a && !a.isEmpty()) {
            int i = r.nextInt(a.size());
            switch (r.nextInt(3)) {
                case 0 -> {
                    a.insert(i, a.get(i).deepCopy());
                    what = "duplicate element " + i;
                }
                case 1 -> {
                    a.remove(i);
                    what = "remove element " + i;
                }
                default -> {
                    a.set(i, value);
                    what = "element " + i + " -> " + describe(value);
                }
            }
        } else {
            what = "no change";
        }
        String out;
        try {
            out = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // deeper than Jackson writes: spliced in as text
        int depth = 100 + r.nextInt(5000);
        out = out.replace("\"" + DEEP + "\"", "[".repeat(depth) + "]".repeat(depth));
        return new Mutator.Mutation(utf8(out), what.replace(DEEP, "deep array"));
    }

    private static final String DEEP = "\uE000deep\uE000";

    private static String describe(JsonNode v) {
        String s = v.toString();
        return s.length() > 40 ? s.substring(0, 40) + "… (" + s.length() + " chars)" : s;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }

    private static byte[] quizlet(DeckContent deck, String term, String row) {
        StringBuilder sb = new StringBuilder();
        for (QuestionContent q : deck.questions()) {
            QuestionContent.Text t = q.texts().get(q.originalLanguage());
            sb.append(t.prompt().replace(term, " ").replace(row, " ")).append(term)
                    .append(t.answer().replace(term, " ").replace(row, " ")).append(row);
        }
        return utf8(sb.toString());
    }

    private static DeckContent parseMarkdown(String fixture) {
        var result = new BankMarkdownParser().parse("bank-deck.md", new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8));
        if (!result.isOk()) {
            throw new IllegalStateException(result.problems().toString());
        }
        return result.deck();
    }

    private static ParsedImport imported(ImportFormat format, byte[] data, String name) {
        ParsedImport parsed = format.parser(AppJson.FILES).parse(data, name, new ImportOptions(null, "en", null, null));
        if (parsed.rejected()) {
            throw new IllegalStateException(parsed.problems().toString());
        }
        return parsed;
    }

    private static Seed seed(String fixture, String fileName, ImportOptions options) {
        return new Seed(Fixtures.bytes(fixture), fileName, options);
    }

    private static byte[] repoFile(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
