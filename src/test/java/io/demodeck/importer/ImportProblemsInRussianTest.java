package io.demodeck.importer;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.demodeck.importer.Fixtures.bytes;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 for import problems: every problem a parser reports is said in English and in Russian through the
 * {@code imp} bundle, on the report page (the visitor's language) and in the API (Accept-Language), with its line.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ImportProblemsInRussianTest {

    @Inject
    AccountService accounts;

    /** Sample values for every parameter: a number for the counts, text for the rest. */
    private static ImportProblem sample(ProblemCode code) {
        Object[] values = code.params().stream().map(name -> switch (name) {
            case "count", "position", "max", "gap", "width", "fields", "firstLine", "earlierLine", "column", "deletion",
                 "megabytes", "ratio", "entries", "cards", "answers", "version", "supported", "kind", "found", "choices",
                 "marked" -> (Object) 2;
            default -> "«" + name + "»";
        }).toArray();
        return ImportProblem.of(ImportProblem.ERROR, 1, null, null, code, values);
    }

    @Test
    void everyCodeIsSaidInBothLanguagesWithItsValues() {
        List<String> wrong = new ArrayList<>();
        for (ProblemCode code : ProblemCode.values()) {
            ImportProblem p = sample(code);
            String en = ImportTexts.text(p, "en");
            String ru = ImportTexts.text(p, "ru");
            for (String text : List.of(en, ru)) {
                if (text == null || text.isBlank() || text.matches("(?s).*\\{[a-zA-Z]+}.*")) {
                    wrong.add(code + ": '" + text + "'");
                }
                for (String name : code.params()) {
                    Object v = p.args().get(name);
                    if (!text.contains(String.valueOf(v))) {
                        wrong.add(code + " leaves out " + name + ": '" + text + "'");
                    }
                }
            }
            if (en.equals(ru)) {
                wrong.add(code + " is the same in both languages: " + en);
            }
            String own = ru.replaceAll("<[^>]*>", " "); // XML element names are the file's words
            for (Object v : p.args().values()) {
                own = own.replace(String.valueOf(v), " ");
            }
            if (own.matches("(?s).*\\b(the|is|and|not|with|has|file|question)\\b.*")) {
                wrong.add(code + " has English in Russian: " + ru);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void bracesAndBackslashesOfTheFormatsComeOutAsWritten() {
        assertEquals("a numerical question needs a right answer, e.g. {#1822:5} or {#1..5}",
                ImportTexts.text(sample(ProblemCode.GIFT_NUMERICAL_NO_ANSWER), "en").replaceFirst("^question '«question»': ", ""));
        assertTrue(ImportTexts.text(sample(ProblemCode.ANKI_CLOZE_NO_DELETION), "ru").endsWith("{{c1::текст}}"));
        assertEquals("not a DemoDeck JSON export: expected {\"format\": \"demodeck-deck\", \"version\": 1, \"deck\": {…}, "
                        + "\"media\": […]}",
                ImportTexts.text(ImportProblem.of(ImportProblem.ERROR, 1, null, null, ProblemCode.JSON_NOT_AN_EXPORT,
                        "demodeck-deck", 1), "en"));
        ImportProblem escape = ImportProblem.of(ImportProblem.WARNING, 15, null, null, ProblemCode.GIFT_UNKNOWN_ESCAPE,
                "\\q", "\\~ \\{ \\\\");
        assertEquals("неизвестная экранировка «\\q» оставлена как есть; в GIFT экранируются только \\~ \\{ \\\\",
                ImportTexts.text(escape, "ru"));
        assertEquals("в вопросе есть символ NUL (\\0), его нельзя сохранить: удалите его",
                ImportTexts.text(sample(ProblemCode.QUESTION_HAS_NUL), "ru"));
    }

    @Test
    void theProblemsOfAClozeTextAreSaidByTheirOwnMessages() {
        ImportProblem p = ImportProblem.of(ImportProblem.ERROR, 4, null, ImportProblem.QUESTION_SKIPPED,
                ProblemCode.MOODLE_CLOZE_INVALID, "multianswer", "Capitals", List.of(
                        Map.of("key", "cloze_answer_empty", "args", Map.of("gap", 1, "type", "SA", "answer", 2)),
                        Map.of("key", "cloze_two_choices", "args", Map.of("gap", 2, "type", "MC", "count", 0))));
        assertEquals("вопрос «Capitals» типа «multianswer»: пропуск 1 (SA): ответ 2 пустой; у пропуска 2 (MC) должно "
                + "быть не меньше двух вариантов, а их нет — вопрос пропущен", ImportTexts.text(p, "ru"));
        assertEquals("multianswer question 'Capitals': gap 1 (SA): answer 2 is empty; gap 2 (MC) needs at least 2 "
                + "choices; it has none — the question is skipped", ImportTexts.text(p, "en"));
    }

    @Test
    void countsTakeTheRussianPluralForms() {
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(1, "ещё 1 проблема здесь не показана");
        expected.put(3, "ещё 3 проблемы здесь не показаны");
        expected.put(5, "ещё 5 проблем здесь не показано");
        expected.put(21, "ещё 21 проблема здесь не показана");
        expected.forEach((n, text) -> assertEquals(text, ImportTexts.text(ImportProblem.of(ImportProblem.WARNING, 0,
                null, null, ProblemCode.MORE_PROBLEMS, n), "ru")));
        assertEquals("1 more problem is not listed", ImportTexts.text(ImportProblem.of(ImportProblem.WARNING, 0, null,
                null, ProblemCode.MORE_PROBLEMS, 1), "en"));
        assertEquals("журнал повторений: 2 ответа по карточке, которой нет в пакете, не перенесены",
                ImportTexts.text(ImportProblem.of(ImportProblem.WARNING, 0, "card 42", null,
                        ProblemCode.REVLOG_CARD_MISSING, 2), "ru"));
    }

    @Test
    void aBrokenGiftFileShowsRussianProblemsWithTheirLinesOnTheReportPage() {
        String name = "rp" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "teach-well-1234", Role.INSTRUCTOR, "ru");
        Browser instructor = new Browser();
        instructor.request().get("/lang/ru?back=/");
        instructor.signIn(name, "teach-well-1234");
        instructor.request().get("/lang/ru?back=/");
        Response page = instructor.multipart().multiPart("file", "broken.gift", bytes("gift/broken.gift"), "text/plain")
                .multiPart("format", "detect").multiPart("language", "en").multiPart("deck", "ru-broken-gift")
                .post("/import/preview");
        assertEquals(200, page.statusCode());
        Document doc = Jsoup.parse(page.asString());
        Map<String, String> rows = new LinkedHashMap<>();
        for (Element row : doc.select(".import-problems tbody tr")) {
            rows.put(row.child(0).text(), row.child(1).text() + " | " + row.child(2).text());
        }
        assertEquals(List.of("строка 3", "строка 5", "строка 7", "строка 9", "строка 11", "строка 13", "строка 15"),
                List.copyOf(rows.keySet()), rows::toString);
        assertEquals("ошибка | блок ответов «{» не закрыт скобкой «}» (пустая строка заканчивает вопрос; перенос строки "
                + "внутри вопроса пишется как обратная косая черта и буква n) — вопрос пропущен", rows.get("строка 3"));
        assertEquals("ошибка | вес в «%500%a» должен быть процентом от -100 до 100, например %50% — вопрос пропущен",
                rows.get("строка 11"));
        assertEquals("ошибка | «abc» — не число, не «значение:допуск» и не «мин..макс» — вопрос пропущен",
                rows.get("строка 13"));
        assertTrue(rows.get("строка 15").startsWith("предупреждение | неизвестная экранировка «\\q»"), rows::toString);
    }

    @Test
    void theApiSaysProblemsInTheLanguageAskedForWithCodeAndLine() {
        String name = "ra" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "teach-well-1234", Role.INSTRUCTOR, "en");
        String token = given().contentType("application/json")
                .body(Map.of("username", name, "password", "teach-well-1234"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
        int id = given().header("Authorization", "Bearer " + token).header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8")
                .multiPart("file", "broken.gift", bytes("gift/broken.gift")).multiPart("deck", "api-ru-broken")
                .post("/api/v1/imports").then().statusCode(200)
                .body("problems[0].code", equalTo("gift_block_not_closed"))
                .body("problems[0].line", equalTo(3))
                .body("problems[0].severity", equalTo("error"))
                .body("problems[0].leftOut", equalTo("question"))
                .body("problems[0].message", startsWith("блок ответов «{» не закрыт"))
                .body("problems[6].args.escape", equalTo("\\q"))
                .extract().path("importId");
        // the audit record, in the language of each request; English when none is asked for
        given().header("Authorization", "Bearer " + token).get("/api/v1/imports/" + id).then().statusCode(200)
                .body("report.problems[0].message", equalTo("the answer block '{' is never closed with '}' (a blank "
                        + "line ends a question; write a backslash and n for a line break) — the question is skipped"));
        given().header("Authorization", "Bearer " + token).header("Accept-Language", "ru")
                .get("/api/v1/imports/" + id).then().statusCode(200)
                .body("report.problems[1].message", startsWith("название вопроса начинается с «::»"));
        // nothing to import: the 422's errors say the line in Russian too
        given().header("Authorization", "Bearer " + token).header("Accept-Language", "ru")
                .multiPart("file", "x.xml", "<html><body/></html>".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports").then().statusCode(422)
                .body("errors[0].message", equalTo("строка 1: корневой элемент — <html>, а в выгрузке Moodle XML это <quiz>"));
        assertFalse(given().header("Authorization", "Bearer " + token)
                .multiPart("file", "x.xml", "<html><body/></html>".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports").then().statusCode(422).extract().path("errors[0].message").toString()
                .contains("корневой"), "English without Accept-Language");
    }
}
