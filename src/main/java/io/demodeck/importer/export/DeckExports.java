package io.demodeck.importer.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.demodeck.deck.Deck;
import io.demodeck.bank.DeckContent;
import io.demodeck.bank.Question;
import io.demodeck.bank.QuestionContent;
import io.demodeck.deck.DeckAccess;
import io.demodeck.importer.MediaStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a stored deck back into the neutral model (active questions, in order) and exports it with its stored
 * files, which are read only while the export is written.
 */
@ApplicationScoped
public class DeckExports {

    @Inject
    MediaStore mediaStore;

    @Inject
    LearnerProgress progress;

    @Inject
    DeckAccess access;

    @Inject
    ObjectMapper json;

    private record Stored(long id, DeckContent content, List<String> media) {
    }

    @Transactional
    Optional<Stored> read(String deckExternalId) {
        return Deck.findByExternalId(deckExternalId).map(deck -> {
            Map<String, DeckContent.Text> texts = new LinkedHashMap<>();
            deck.texts.forEach((lang, t) -> texts.put(lang, new DeckContent.Text(t.title, t.description)));
            List<QuestionContent> questions = Question.listActiveByDeck(deck.id).stream().map(DeckExports::content).toList();
            return new Stored(deck.id, new DeckContent(deck.externalId, deck.originalLanguage, deck.source, texts, questions),
                    mediaStore.names(deck.id));
        });
    }

    public Optional<Exported> export(String deckExternalId, ExportFormat format, ExportOptions options) {
        return read(deckExternalId).map(stored -> format.export(stored.content(), media(stored), options, json));
    }

    /**
     * An Anki package of a deck the learner may see, with their own card states and review log; empty when there
     * is no such deck or they may not see it (the same answer, so a private deck's id is no hint).
     */
    public Optional<Exported> ankiWithProgress(String deckExternalId, DeckAccess.Viewer learner) {
        return read(deckExternalId).filter(stored -> access.canView(learner, stored.id()))
                .map(stored -> ExportFormat.APKG.export(stored.content(), media(stored),
                        ExportOptions.defaults().withProgress(progress.of(learner.userId(), stored.id())), json));
    }

    private MediaSource media(Stored stored) {
        return new MediaSource() {
            @Override
            public List<String> names() {
                return stored.media();
            }

            @Override
            public void forEach(Each each) throws java.io.IOException {
                mediaStore.forEach(stored.content().externalId(), stored.media(), each);
            }
        };
    }

    private static QuestionContent content(Question q) {
        Map<String, QuestionContent.Text> texts = new LinkedHashMap<>();
        q.texts.forEach((lang, t) -> texts.put(lang, new QuestionContent.Text(t.prompt, t.answer, t.keyPoints,
                t.accurateNote, t.generalFeedback, q.wrongAnswers(lang).stream()
                .map(w -> new QuestionContent.WrongAnswer(w.claim, w.why)).toList())));
        List<QuestionContent.Option> options = q.options.stream()
                .map(o -> new QuestionContent.Option(o.lang, o.position, o.text, o.matchText, o.fraction, o.feedback))
                .toList();
        return new QuestionContent(q.externalId, q.type, q.tags, q.demoIds, q.source, q.originalLanguage,
                q.correctBoolean, q.correctMin, q.correctMax, texts, options, 0, q.followUps, q.title);
    }
}
