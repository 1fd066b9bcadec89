package io.demodeck.bank;

import io.demodeck.platform.Sha256;
import java.util.TreeMap;

/**
 * A fingerprint of everything a learner sees in a question. Equal hashes mean a re-load or re-import
 * has nothing to update; the id, position and source line are not part of it.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(QuestionContent q) {
        StringBuilder sb = new StringBuilder();
        field(sb, q.type().name());
        field(sb, String.join(",", q.tags()));
        field(sb, String.join(",", q.demoIds()));
        field(sb, q.source());
        field(sb, q.originalLanguage());
        field(sb, String.valueOf(q.correctBoolean()));
        field(sb, String.valueOf(q.correctMin()));
        field(sb, String.valueOf(q.correctMax()));
        new TreeMap<>(q.texts()).forEach((lang, t) -> {
            field(sb, lang);
            field(sb, t.prompt());
            field(sb, t.answer());
            field(sb, String.join("\u001f", t.keyPoints()));
            field(sb, t.accurateNote());
            field(sb, t.generalFeedback());
            // only when present, so the hashes of questions without them stay what they were
            for (QuestionContent.WrongAnswer w : t.wrongAnswers()) {
                field(sb, "wrong");
                field(sb, w.claim());
                field(sb, w.why());
            }
        });
        q.options().stream()
                .sorted(java.util.Comparator.comparing(QuestionContent.Option::lang)
                        .thenComparingInt(QuestionContent.Option::position))
                .forEach(o -> {
                    field(sb, o.lang());
                    field(sb, o.text());
                    field(sb, o.matchText());
                    field(sb, Double.toString(o.fraction()));
                    field(sb, o.feedback());
                });
        if (!q.followUps().isEmpty()) {
            field(sb, "follow-ups");
            field(sb, String.join(",", q.followUps()));
        }
        if (q.title() != null) {
            // only when there is one: the hashes of questions without a title stay what they were
            field(sb, "title");
            field(sb, q.title());
        }
        return Sha256.hex(sb.toString());
    }

    /** Length-prefixed, so no two different field lists can serialise to the same string. */
    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
    }
}
