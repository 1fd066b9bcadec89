package io.demodeck.settings;

import io.demodeck.platform.ErrorTexts;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings page's field problems in the page's language: the texts only {@link SettingsInput} and the page say,
 * then everything else as {@link ErrorTexts} says it.
 */
final class SettingsTexts {

    private record Rule(Pattern pattern, BiFunction<SettingsMessages, Matcher, String> text) {
    }

    private static final List<Rule> RULES = List.of(
            rule("must be a percentage such as 90", (m, g) -> m.error_percentage()),
            rule("'(.*)' is not a step: .*", (m, g) -> m.error_not_a_step(g.group(1))),
            rule("step (\\d+) \\((.*)\\) must be at least 1s and shorter than a day",
                    (m, g) -> m.error_step_range(g.group(1), g.group(2))),
            rule("at most (\\d+) relearning steps with your personal parameters",
                    (m, g) -> m.error_steps_ceiling(g.group(1))));

    private SettingsTexts() {
    }

    private static Rule rule(String regex, BiFunction<SettingsMessages, Matcher, String> text) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), text);
    }

    static SettingsMessages messages(String lang) {
        return MessageBundles.get(SettingsMessages.class, Localized.Literal.of("ru".equals(lang) ? "ru" : "en"));
    }

    /** An English problem text said in {@code lang}. */
    static String page(String english, String lang) {
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(english);
            if (m.matches()) {
                return rule.text().apply(messages(lang), m);
            }
        }
        return ErrorTexts.page(english, lang);
    }
}
