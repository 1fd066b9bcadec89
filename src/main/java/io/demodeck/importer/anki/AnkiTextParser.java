package io.demodeck.importer.anki;

import io.demodeck.importer.DeckAssembler;
import io.demodeck.importer.ImportLog;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportParser;
import io.demodeck.importer.ImportText;
import io.demodeck.importer.ParsedImport;
import io.demodeck.importer.ProblemCode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Anki's text import (2.1.55+): {@code #key:value} headers (separator, html, tags, columns, deck, notetype and
 * the {@code column:N} mappings), RFC 4180 records and separator guessing. Anki's own "Notes in Plain Text"
 * export reads back with its GUIDs, so a re-import updates in place.
 */
public final class AnkiTextParser implements ImportParser {

    private static final Map<String, Character> SEPARATORS = Map.of("comma", ',', "semicolon", ';', "tab", '\t',
            "space", ' ', "pipe", '|', "colon", ':');

    @Override
    public ParsedImport parse(byte[] data, String fileName, ImportOptions options) {
        ImportLog log = new ImportLog();
        String text = ImportText.utf8(data, log);
        if (text == null) {
            return ParsedImport.rejected(log);
        }
        Character separator = null;
        Boolean html = null;
        List<String> globalTags = new ArrayList<>();
        List<String> columns = null;
        String deckName = null;
        String notetype = null;
        Map<String, Integer> special = new HashMap<>();
        Map<String, Integer> specialLines = new HashMap<>();
        int pos = 0;
        int line = 1;
        // headers: the legacy "tags:" line, then '#' lines; any other '#' line is a comment
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            String header = nl < 0 ? text.substring(pos) : text.substring(pos, nl);
            boolean legacyTags = line == 1 && header.regionMatches(true, 0, "tags:", 0, 5);
            if (!header.startsWith("#") && !legacyTags) {
                break;
            }
            if (legacyTags) {
                globalTags.addAll(AnkiNotes.splitTags(header.substring(5)));
            } else {
                int colon = header.indexOf(':');
                String key = colon < 0 ? "" : header.substring(1, colon).strip().toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : header.substring(colon + 1).strip();
                switch (key) {
                    case "separator" -> {
                        Character c = SEPARATORS.get(value.toLowerCase(Locale.ROOT));
                        if (c == null && value.length() == 1) {
                            c = value.charAt(0);
                        }
                        if (c == null) {
                            log.error(line, ProblemCode.ANKI_SEPARATOR_UNKNOWN, ImportText.abbreviate(value));
                        }
                        separator = c;
                    }
                    case "html" -> html = value.equalsIgnoreCase("true");
                    case "tags" -> globalTags.addAll(AnkiNotes.splitTags(value));
                    case "columns" -> columns = List.of(value.split(separator == null ? "[\\t,;|]" : java.util.regex.Pattern.quote(String.valueOf(separator))));
                    case "deck" -> deckName = value;
                    case "notetype" -> notetype = value;
                    case "guid column", "notetype column", "deck column", "tags column" -> {
                        try {
                            int col = Integer.parseInt(value);
                            if (col < 1) {
                                throw new NumberFormatException();
                            }
                            special.put(key.substring(0, key.indexOf(' ')), col - 1);
                            specialLines.put(key.substring(0, key.indexOf(' ')), line);
                        } catch (NumberFormatException e) {
                            log.error(line, ProblemCode.ANKI_COLUMN_NUMBER, key, ImportText.abbreviate(value));
                        }
                    }
                    case "match scope", "if matches" -> log.warning(line, ProblemCode.ANKI_MATCH_HEADER_IGNORED, key);
                    default -> {
                        // a comment
                    }
                }
            }
            line++;
            pos = nl < 0 ? text.length() : nl + 1;
        }
        String body = text.substring(pos);
        if (separator == null) {
            separator = guessSeparator(body);
        }
        List<CsvRecords.Row> rows = CsvRecords.read(body, separator, line, log);
        if (rows.isEmpty()) {
            log.error(Math.min(line, ImportText.lineCount(text)), ProblemCode.ANKI_NO_NOTES);
            return ParsedImport.rejected(log);
        }
        String deckId = options.deck() != null ? options.deck() : ImportText.deckIdFromFileName(fileName);
        DeckAssembler deck = new DeckAssembler(deckId, ImportText.language(options, body),
                deckName != null ? deckName.replace("::", " / ") : ImportText.titleFromFileName(fileName), fileName, log);
        int width = rows.get(0).fields().size();
        // a '#… column:' beyond the notes' columns names nothing: reported on its header, then ignored
        for (String name : List.copyOf(special.keySet())) {
            if (special.get(name) >= width) {
                log.warning(specialLines.get(name), ProblemCode.ANKI_COLUMN_PAST_WIDTH, name, special.get(name) + 1, width,
                        rows.get(0).line());
                special.remove(name);
            }
        }
        List<Integer> fieldColumns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            if (!special.containsValue(c)) {
                fieldColumns.add(c);
            }
        }
        // with #columns, "Back"/"Answer" etc. may come first: order the fields by their labels
        if (columns != null) {
            fieldColumns = orderByLabels(fieldColumns, columns);
        }
        Set<String> decks = new LinkedHashSet<>();
        Map<String, Integer> firstFields = new HashMap<>();
        for (CsvRecords.Row row : rows) {
            List<String> values = new ArrayList<>(row.fields());
            if (values.size() > width) {
                boolean padding = values.subList(width, values.size()).stream().allMatch(String::isBlank);
                log.warning(row.line(), padding ? ProblemCode.ANKI_ROW_PADDED : ProblemCode.ANKI_ROW_EXTRA_FIELDS, values.size(),
                        width);
            } else if (values.size() < width) {
                log.warning(row.line(), ProblemCode.ANKI_ROW_MISSING_FIELDS, values.size(), width);
            }
            while (values.size() < width) {
                values.add("");
            }
            List<String> fields = new ArrayList<>();
            for (int c : fieldColumns) {
                fields.add(values.get(c));
            }
            // Anki's "Cards in Plain Text": the answer repeats the question after <hr id=answer>
            if (fields.size() == 1 && fields.get(0).contains("<hr id=answer>")) {
                String[] qa = fields.get(0).split("<hr id=answer>", 2);
                fields = List.of(qa[0], qa[1]);
            }
            List<String> tags = new ArrayList<>(globalTags);
            if (special.containsKey("tags")) {
                tags.addAll(AnkiNotes.splitTags(values.get(special.get("tags"))));
            }
            String rowDeck = special.containsKey("deck") ? values.get(special.get("deck")).strip() : deckName;
            if (rowDeck != null && !rowDeck.isEmpty()) {
                decks.add(rowDeck);
            }
            String rowType = special.containsKey("notetype") ? values.get(special.get("notetype")) : notetype;
            String guid = special.containsKey("guid") ? values.get(special.get("guid")).strip() : null;
            boolean cloze = rowType != null ? rowType.toLowerCase(Locale.ROOT).contains("cloze")
                    : !fields.isEmpty() && AnkiNotes.hasCloze(fields.get(0));
            AnkiNotes.Kind kind = AnkiNotes.kindOf(rowType, 1, cloze);
            String first = fields.isEmpty() ? "" : fields.get(0).strip();
            // like Anki: without a GUID the first field identifies the note, so a second row with it is a duplicate
            if (guid == null || guid.isEmpty()) {
                Integer earlier = first.isEmpty() ? null : firstFields.putIfAbsent(first, row.line());
                if (earlier != null) {
                    log.leaveOut(row.line(), ProblemCode.ANKI_DUPLICATE_FRONT, ImportText.abbreviate(first), earlier);
                    continue;
                }
            }
            if (kind != AnkiNotes.Kind.CLOZE && !first.isEmpty() && fields.size() >= 2
                    && fields.subList(1, fields.size()).stream().allMatch(String::isBlank)) {
                log.leaveOut(row.line(), ProblemCode.ANKI_BACK_EMPTY);
                continue;
            }
            AnkiNotes.add(deck, log, kind, guid == null || guid.isEmpty() ? null : guid, fields, tags,
                    name -> null, row.line(), null, !Boolean.FALSE.equals(html));
        }
        if (decks.size() == 1) {
            deck.title(decks.iterator().next().replace("::", " / "));
        }
        return deck.build(List.of(), ImportText.lineCount(text));
    }

    private static List<Integer> orderByLabels(List<Integer> fieldColumns, List<String> labels) {
        List<String> front = List.of("front", "question", "text", "term", "вопрос");
        List<String> back = List.of("back", "answer", "definition", "back extra", "extra", "ответ");
        List<Integer> ordered = new ArrayList<>(fieldColumns);
        ordered.sort(java.util.Comparator.comparingInt(c -> {
            String label = c < labels.size() ? labels.get(c).strip().toLowerCase(Locale.ROOT) : "";
            return front.contains(label) ? 0 : back.contains(label) ? 1 : 2;
        }));
        return ordered;
    }

    /** Like Anki: the first separator found in the first lines, tab first, then pipe, semicolon, comma. */
    static char guessSeparator(String body) {
        String sample = body.length() > 8192 ? body.substring(0, 8192) : body;
        int nl = sample.indexOf('\n');
        String first = nl < 0 ? sample : sample.substring(0, nl);
        for (char c : new char[] {'\t', '|', ';', ','}) {
            if (first.indexOf(c) >= 0) {
                return c;
            }
        }
        for (char c : new char[] {'\t', '|', ';', ','}) {
            if (sample.indexOf(c) >= 0) {
                return c;
            }
        }
        return '\t';
    }
}
