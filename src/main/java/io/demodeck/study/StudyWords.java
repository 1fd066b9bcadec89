package io.demodeck.study;

import io.demodeck.web.Plural;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.time.Duration;

/** Counted phrases of the study loop with the right plural in English and Russian (1 ответ, 3 ответа, 5 ответов). */
final class StudyWords {

    private StudyWords() {
    }

    enum Form { ONE, FEW, MANY }

    static Form form(String lang, long n) {
        if (!"ru".equals(lang)) {
            return "one".equals(Plural.en(n)) ? Form.ONE : Form.MANY;
        }
        return switch (Plural.ru(n)) {
            case "one" -> Form.ONE;
            case "few" -> Form.FEW;
            default -> Form.MANY;
        };
    }

    static StudyMessages messages(String lang) {
        return MessageBundles.get(StudyMessages.class, Localized.Literal.of(lang));
    }

    static String answers(String lang, int n) {
        StudyMessages m = messages(lang);
        return switch (form(lang, n)) {
            case ONE -> m.count_answers_one(n);
            case FEW -> m.count_answers_few(n);
            case MANY -> m.count_answers_many(n);
        };
    }

    static String cardsDueTomorrow(String lang, int n) {
        StudyMessages m = messages(lang);
        if (n == 0) {
            return m.due_tomorrow_none();
        }
        return switch (form(lang, n)) {
            case ONE -> m.due_tomorrow_one(n);
            case FEW -> m.due_tomorrow_few(n);
            case MANY -> m.due_tomorrow_many(n);
        };
    }

    static String timeSpent(String lang, Duration d) {
        StudyMessages m = messages(lang);
        long minutes = Math.round(d.toSeconds() / 60.0);
        if (minutes < 1) {
            return m.time_under_a_minute();
        }
        return switch (form(lang, minutes)) {
            case ONE -> m.count_minutes_one(minutes);
            case FEW -> m.count_minutes_few(minutes);
            case MANY -> m.count_minutes_many(minutes);
        };
    }

    static String days(String lang, int n) {
        StudyMessages m = messages(lang);
        return switch (form(lang, n)) {
            case ONE -> m.count_days_one(n);
            case FEW -> m.count_days_few(n);
            case MANY -> m.count_days_many(n);
        };
    }

    /** The name of a review-ahead or custom session, e.g. "Review ahead: cards due within 3 days". */
    static String extraHeading(String lang, ExtraSession s) {
        StudyMessages m = messages(lang);
        return switch (s.kind()) {
            case AHEAD -> m.extra_heading_ahead(days(lang, s.days()));
            case TAG -> m.extra_heading_tag(s.tag());
            case FAILED -> m.extra_heading_failed();
        };
    }
}
