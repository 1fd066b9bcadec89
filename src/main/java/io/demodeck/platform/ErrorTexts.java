package io.demodeck.platform;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problem texts for pages, in the page's language. Services and the API speak English (problem+json keeps it);
 * a page passes each text through {@link #page(String, String)}, which matches it against the known
 * English texts and says it with the {@code err} bundle of the page's language. A text with no pattern here is
 * shown as it is (the Russian page test finds such texts on the pages it visits).
 */
public final class ErrorTexts {

    private record Rule(Pattern pattern, BiFunction<ErrMessages, Matcher, String> text) {
    }

    private static final String N = "(\\d+)";

    private static final List<Rule> RULES = List.of(
            rule("No resource at (.+)", (m, g) -> m.no_resource(g.group(1))),
            rule("Method not allowed on (.+)", (m, g) -> m.method_not_allowed(g.group(1))),
            rule("Unsupported content type", (m, g) -> m.unsupported_type()),
            rule("Not acceptable", (m, g) -> m.not_acceptable()),
            rule("your account's role does not allow this", (m, g) -> m.forbidden()),
            rule("Something went wrong on our side \\(incident (.+)\\)", (m, g) -> m.incident(g.group(1))),
            rule("One or more fields are invalid", (m, g) -> m.invalid_fields()),
            rule("The card was changed elsewhere at the same moment.*", (m, g) -> m.review_conflict()),
            rule("The multipart body is empty or cut short.*", (m, g) -> m.malformed_upload()),
            rule("(.+) was not found", (m, g) -> m.not_found(what(m, g.group(1)))),
            rule("Too many wrong passwords from this address; try again in " + N + " s",
                    (m, g) -> m.too_many_failed_sign_ins(g.group(1))),
            rule("Too many sign-in attempts from this address; try again in " + N + " s", (m, g) -> m.too_many_sign_ins(g.group(1))),
            rule("Too many failed registrations from this address; try again in " + N + " s",
                    (m, g) -> m.too_many_failed_registrations(g.group(1))),
            rule("Too many registrations from this address; try again in " + N + " s",
                    (m, g) -> m.too_many_registrations(g.group(1))),
            rule("You already have a demo running or waiting.*", (m, g) -> m.demo_one_at_a_time()),
            rule("The demo queue is full \\(" + N + " waiting\\); try again in " + N + " s",
                    (m, g) -> m.demo_queue_full(g.group(1), g.group(2))),
            rule("At most " + N + " demo runs per minute; try again in " + N + " s",
                    (m, g) -> m.demo_per_minute(g.group(1), g.group(2))),
            rule("The demo queue did not move within " + N + " s; try again later", (m, g) -> m.demo_queue_stuck(g.group(1))),
            rule("Stopped waiting for a demo slot", (m, g) -> m.demo_stopped_waiting()),
            rule("required", (m, g) -> m.required()),
            rule("must not be only spaces", (m, g) -> m.only_spaces()),
            rule("at least " + N + " characters", (m, g) -> m.at_least_characters(g.group(1))),
            rule("at most " + N + " bytes \\(.*\\)", (m, g) -> m.at_most_bytes(g.group(1))),
            rule("too common: .*", (m, g) -> m.too_common()),
            rule("this is not your current password", (m, g) -> m.not_current_password()),
            rule("the two passwords differ", (m, g) -> m.passwords_differ()),
            rule("this username is taken", (m, g) -> m.username_taken()),
            rule("3 to 64 characters: Latin letters.*", (m, g) -> m.username_rules()),
            rule("one of (.+)", (m, g) -> m.one_of(g.group(1))),
            rule("must be one of (.+)", (m, g) -> m.must_be_one_of(g.group(1))),
            rule("must be a number", (m, g) -> m.a_number()),
            rule("must be a whole number", (m, g) -> m.a_whole_number()),
            rule("must be between (\\S+) and (\\S+?)(?: minutes)?, got (.+)",
                    (m, g) -> m.between_got(g.group(1), g.group(2), g.group(3))),
            rule("must be between (\\S+) and (\\S+)", (m, g) -> m.between(g.group(1), g.group(2))),
            rule("must be an IANA time zone such as Europe/Moscow, got (.*)", (m, g) -> m.time_zone(g.group(1))),
            rule("at most " + N + " steps, got " + N, (m, g) -> m.too_many_steps(g.group(1), g.group(2))),
            rule("step " + N + " must be 1 to 86399 seconds, got (.+)", (m, g) -> m.step_range(g.group(1), g.group(2))),
            rule("choose a file to import", (m, g) -> m.choose_file()),
            rule("the file is empty", (m, g) -> m.file_empty()),
            rule("must be lower-case letters, digits and '-' \\(at most 100\\)", (m, g) -> m.deck_id_rules()),
            rule("must be true or false", (m, g) -> m.true_or_false()));

    private static final List<Rule> THINGS = List.of(
            rule("Question (\\S+) of deck (\\S+)", (m, g) -> m.what_question(g.group(1), g.group(2))),
            rule("Revision (\\S+) of question (\\S+)", (m, g) -> m.what_revision(g.group(1), g.group(2))),
            rule("Deck '?([^']+)'?", (m, g) -> m.what_deck(g.group(1))),
            rule("Class (\\S+)", (m, g) -> m.what_class(g.group(1))),
            rule("Invite code", (m, g) -> m.what_invite_code()),
            rule("Import (\\S+)", (m, g) -> m.what_import(g.group(1))),
            rule("Demo '?([^']+)'?", (m, g) -> m.what_demo(g.group(1))),
            rule("App sign-in (\\S+)", (m, g) -> m.what_app_sign_in(g.group(1))),
            rule("Account (\\S+)", (m, g) -> m.what_account(g.group(1))));

    private ErrorTexts() {
    }

    private static Rule rule(String regex, BiFunction<ErrMessages, Matcher, String> text) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), text);
    }

    public static ErrMessages messages(String lang) {
        return MessageBundles.get(ErrMessages.class, Localized.Literal.of("ru".equals(lang) ? "ru" : "en"));
    }

    /** An English problem text said in {@code lang}; English stays as it is, and so does a text no pattern knows. */
    public static String page(String english, String lang) {
        if (english == null || !"ru".equals(lang)) {
            return english;
        }
        return translate(RULES, messages(lang), english.strip());
    }

    /** Field errors (field to English text) said in {@code lang}, in the same order. */
    public static Map<String, String> page(Map<String, String> errors, String lang) {
        Map<String, String> said = new LinkedHashMap<>();
        errors.forEach((field, text) -> said.put(field, page(text, lang)));
        return said;
    }

    /** The title of a status ("Not Found", "Не найдено"). */
    public static String title(int status, String lang) {
        ErrMessages m = messages(lang);
        return switch (status) {
            case 400 -> m.title_400();
            case 401 -> m.title_401();
            case 403 -> m.title_403();
            case 404 -> m.title_404();
            case 405 -> m.title_405();
            case 406 -> m.title_406();
            case 409 -> m.title_409();
            case 413 -> m.title_413();
            case 415 -> m.title_415();
            case 422 -> m.title_422();
            case 429 -> m.title_429();
            case 500 -> m.title_500();
            case 503 -> m.title_503();
            default -> m.title_other();
        };
    }

    private static String what(ErrMessages m, String english) {
        return translate(THINGS, m, english);
    }

    private static String translate(List<Rule> rules, ErrMessages m, String english) {
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern().matcher(english);
            if (matcher.matches()) {
                return rule.text().apply(m, matcher);
            }
        }
        return english;
    }
}
