package io.demodeck.importer;

import io.demodeck.platform.Sha256;
import io.demodeck.bank.BankMarkdownParser;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text helpers shared by the parsers: strict UTF-8, stable ids, deck ids, languages. */
public final class ImportText {

    private static final Pattern URL_SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private ImportText() {
    }

    /**
     * Decodes UTF-8 strictly; a file in another encoding (Windows-1251 from an old export, UTF-16) is reported
     * with the line of the first bad byte instead of being imported as mojibake. Returns null then.
     */
    public static String utf8(byte[] data, ImportLog log) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(data));
            String text = chars.toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.indexOf('\0') >= 0) {
                log.error(lineOfByte(data, text.indexOf('\0')), ProblemCode.FILE_HAS_NUL);
                return null;
            }
            return text.replace("\r\n", "\n").replace('\r', '\n');
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(data);
            log.error(lineOfByte(data, bad), ProblemCode.NOT_UTF8, bad + 1);
            return null;
        }
    }

    private static int firstInvalidUtf8(byte[] data) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data);
        CharBuffer out = CharBuffer.allocate(Math.max(16, data.length));
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }

    /** Lines of a text as the parsers number them (after {@link #utf8}, which makes every line end a LF). */
    public static int lineCount(String text) {
        int lines = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines++;
        }
        return lines;
    }

    private static int lineOfByte(byte[] data, int index) {
        int line = 1;
        for (int i = 0; i < Math.min(index, data.length); i++) {
            if (data[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * A question's stable id from an id the source gives (GIFT [id:], Moodle idnumber, Anki GUID): kept when it
     * is URL-safe, else encoded deterministically, so a re-import always finds the same question.
     */
    public static String stableId(String raw) {
        String s = raw.strip();
        if (URL_SAFE_ID.matcher(s).matches()) {
            return s;
        }
        String hex = HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
        return hex.length() <= 96 ? "x-" + hex : "x-" + Sha256.hex(s).substring(0, 32);
    }

    /** Without an id in the source, the question is known by its prompt: editing the answer updates it in place. */
    public static String contentId(String prompt) {
        String normal = prompt.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return "h-" + Sha256.hex(normal).substring(0, 16);
    }

    public static String deckIdFromFileName(String fileName) {
        String base = fileName == null ? "import" : fileName.replaceFirst("\\.[A-Za-z0-9]{1,8}$", "");
        return BankMarkdownParser.slug(base);
    }

    public static String titleFromFileName(String fileName) {
        return fileName == null || fileName.isBlank() ? "Import" : fileName.replaceFirst("\\.[A-Za-z0-9]{1,8}$", "");
    }

    public static String language(ImportOptions options, String sample) {
        if (options.language() != null) {
            return options.language();
        }
        return BankMarkdownParser.guessLanguage(sample.length() > 200_000 ? sample.substring(0, 200_000) : sample);
    }

    public static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() > 60 ? one.substring(0, 57) + "…" : one;
    }

    /**
     * A Moodle category path ({@code $course$/top/a/b}, as GIFT's {@code $CATEGORY:} and Moodle XML write it) as its
     * segments, without the context prefix and "top"; GIFT and Moodle XML make the same tag of it: {@code a::b}.
     */
    public static List<String> categoryPath(String path) {
        List<String> parts = new java.util.ArrayList<>();
        for (String p : path.strip().split("/")) {
            String s = p.strip();
            if (!s.isEmpty() && !s.matches("\\$(course|cat\\d*|module|system)\\$") && !s.equalsIgnoreCase("top")) {
                parts.add(s);
            }
        }
        return parts;
    }
}
