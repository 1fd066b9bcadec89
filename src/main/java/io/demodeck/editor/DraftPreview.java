package io.demodeck.editor;

import io.demodeck.bank.BankQueries;
import io.demodeck.bank.BankViews;
import io.demodeck.deck.Deck;
import io.demodeck.bank.DeckWriter;
import io.demodeck.bank.QuestionContent;
import io.demodeck.deck.DeckAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A draft rendered as the deck's learners will see it, while it is being written: the bank's own renderer on the
 * content the editor would store. Unfinished parts (an empty choice, a missing answer) are left out rather than
 * refused, so the preview follows the writing; saving still checks everything.
 */
@ApplicationScoped
public class DraftPreview {

    @Inject
    QuestionEditor editor;

    @Inject
    BankQueries bank;

    /** Empty when nothing can be shown yet (no type the editor writes, or no prompt in any language). */
    @Transactional
    public Optional<BankViews.QuestionDetail> render(DeckAccess.Viewer viewer, String deckExternalId, QuestionDraft draft,
                                                     String lang) {
        Deck deck = editor.editableDeck(viewer, deckExternalId);
        QuestionDraft shown = showable(draft);
        if (shown == null) {
            return Optional.empty();
        }
        QuestionContent content = DraftRules.content(shown, "preview", null);
        return Optional.of(bank.preview(deck, DeckWriter.unsaved(content), lang));
    }

    /** The parts of the draft that can be shown, or null. */
    static QuestionDraft showable(QuestionDraft d) {
        if (DraftRules.typeOf(d.type()) == null) {
            return null;
        }
        Map<String, QuestionDraft.DraftText> texts = new LinkedHashMap<>();
        d.texts().forEach((lang, t) -> {
            if (DraftRules.LANGUAGES.contains(lang) && t != null && t.prompt() != null && !t.prompt().isBlank()) {
                List<QuestionDraft.DraftOption> options = t.options().stream()
                        .filter(o -> o != null && o.text() != null && !o.text().isBlank())
                        .map(o -> new QuestionDraft.DraftOption(o.text(), o.match() == null ? "" : o.match(),
                                o.fraction() == null || Double.isFinite(o.fraction()) ? o.fraction() : null, o.feedback()))
                        .toList();
                texts.put(lang, new QuestionDraft.DraftText(t.prompt(), t.answer(),
                        t.keyPoints().stream().filter(k -> k != null && !k.isBlank()).toList(), t.accurateNote(),
                        t.generalFeedback(), options));
            }
        });
        if (texts.isEmpty()) {
            return null;
        }
        return new QuestionDraft(d.type(), null, d.title(),
                d.tags().stream().filter(t -> t != null && !t.isBlank()).toList(),
                d.demoIds().stream().filter(id -> id != null && io.demodeck.demo.DemoCatalog.byId(id).isPresent()).toList(),
                d.originalLanguage(), d.correct(), finite(d.value()), finite(d.tolerance()), finite(d.min()),
                finite(d.max()), texts);
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }
}
