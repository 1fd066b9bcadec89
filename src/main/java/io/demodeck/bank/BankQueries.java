package io.demodeck.bank;

import io.demodeck.deck.Deck;
import io.demodeck.deck.DeckAccess;
import io.demodeck.demo.DemoCatalog;
import io.demodeck.platform.MarkdownRenderer;
import io.demodeck.quiz.AnswerChecker;
import io.demodeck.quiz.QuestionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read side of the bank, in the reader's language with a fallback to the original one. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BankQueries {

    @Inject
    RenderedDecks rendered;

    @Inject
    DeckAccess access;

    /** The decks the viewer may see and that concern them ({@link DeckAccess#VISIBLE_TO_USER}), in a stable order. */
    public List<BankViews.DeckSummary> decks(DeckAccess.Viewer viewer, String lang) {
        var query = io.quarkus.hibernate.orm.panache.Panache.getEntityManager().createNativeQuery("select d.id from deck d where "
                + (viewer.userId() == null ? DeckAccess.VISIBLE_TO_ANONYMOUS : DeckAccess.VISIBLE_TO_USER));
        if (viewer.userId() != null) {
            query.setParameter("viewer", viewer.userId());
        }
        @SuppressWarnings("unchecked")
        List<Long> ids = ((List<Number>) query.getResultList()).stream().map(Number::longValue).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return Deck.<Deck>list("id in ?1 order by origin, externalId", ids).stream().map(d -> summary(d, lang)).toList();
    }

    /** Any deck, whoever asks: for callers that checked access already (or need none, as the bank loader). */
    public Optional<BankViews.DeckSummary> deck(String externalId, String lang) {
        return Deck.findByExternalId(externalId).map(d -> summary(d, lang));
    }

    /** A deck the viewer may see; empty for a missing deck and for one they may not see alike. */
    public Optional<BankViews.DeckSummary> visibleDeck(DeckAccess.Viewer viewer, String externalId, String lang) {
        return Deck.findByExternalId(externalId).filter(d -> access.canView(viewer, d.id)).map(d -> summary(d, lang));
    }

    public List<BankViews.QuestionSummary> questions(long deckId, String lang) {
        return Question.listActiveByDeck(deckId).stream().map(q -> {
            Localized<Question.Text> text = pick(q.texts, lang, q.originalLanguage);
            return new BankViews.QuestionSummary(q.id, q.externalId, q.type,
                    q.type == QuestionType.CLOZE ? ClozeViews.blanksInline(text.value().prompt)
                            : MarkdownRenderer.inlineHtml(text.value().prompt), List.copyOf(q.tags), List.copyOf(q.demoIds),
                    text.fallback(), q.title);
        }).toList();
    }

    public Optional<BankViews.QuestionDetail> question(DeckAccess.Viewer viewer, String deckExternalId,
                                                       String questionExternalId, String lang) {
        Optional<Deck> deck = Deck.findByExternalId(deckExternalId).filter(d -> access.canView(viewer, d.id));
        return deck.flatMap(d -> Question.findByExternalId(d.id, questionExternalId))
                .filter(q -> !q.retired)
                .map(q -> detail(summary(deck.get(), lang), q, lang, followUpsOf(List.of(q))));
    }

    /** A question of a deck by its database id (the study queue works with ids), if it is still active. */
    public Optional<BankViews.QuestionDetail> questionById(long deckId, long questionId, String lang) {
        Question q = Question.findById(questionId);
        if (q == null || q.retired || q.deckId != deckId) {
            return Optional.empty();
        }
        Deck deck = Deck.findById(deckId);
        return Optional.of(detail(summary(deck, lang), q, lang, followUpsOf(List.of(q))));
    }

    /** A question that is not stored (the editor's draft) rendered exactly as the deck's learners see questions. */
    public BankViews.QuestionDetail preview(Deck deck, Question unsaved, String lang) {
        return detail(summary(deck, lang), unsaved, lang, Map.of());
    }

    /** The grading key of a quiz question, in the language its texts are shown in. */
    public Optional<io.demodeck.quiz.QuizKey> quizKey(long questionId, String lang) {
        Question q = Question.findById(questionId);
        return q == null || !q.type.autoGraded() ? Optional.empty() : Optional.of(QuizKeys.of(q, lang));
    }

    /**
     * The grading key of a quiz question of a deck the viewer may see; empty for a hidden deck's question as for a
     * missing one (a verdict names the right answer).
     */
    public Optional<io.demodeck.quiz.QuizKey> quizKey(DeckAccess.Viewer viewer, long questionId, String lang) {
        Question q = Question.findById(questionId);
        return q == null || !q.type.autoGraded() || !access.canView(viewer, q.deckId) ? Optional.empty()
                : Optional.of(QuizKeys.of(q, lang));
    }

    /** Every active question of a deck with its answer, in deck order (for clients that study offline). */
    public Optional<List<BankViews.QuestionDetail>> questionDetails(DeckAccess.Viewer viewer, String deckExternalId,
                                                                    String lang) {
        return Deck.findByExternalId(deckExternalId).filter(d -> access.canView(viewer, d.id)).map(d -> {
            BankViews.DeckSummary deck = summary(d, lang);
            List<Question> all = Question.listActiveByDeck(d.id);
            Map<String, Question> byExternalId = new HashMap<>();
            all.forEach(q -> byExternalId.put(q.externalId, q));
            return all.stream().map(q -> detail(deck, q, lang, byExternalId)).toList();
        });
    }

    /** A deck as the study screens see it: its summary and the content stamp its rendered questions are cached under. */
    public record StudyDeck(BankViews.DeckSummary summary, Instant stamp) {
    }

    /** The deck for a study screen at the content stamp just read with the queue: no query while it is unchanged. */
    public StudyDeck studyDeck(long deckId, Instant stamp, String lang) {
        BankViews.DeckSummary summary = rendered.deck(deckId, lang, stamp).orElseGet(() -> {
            BankViews.DeckSummary fresh = summary(Deck.findById(deckId), lang);
            rendered.putDeck(deckId, lang, stamp, fresh);
            return fresh;
        });
        return new StudyDeck(summary, stamp);
    }

    /** The active questions among {@code questionIds} in that deck, rendered (from the cache while the deck is unchanged). */
    public Map<Long, BankViews.QuestionDetail> studyQuestions(StudyDeck deck, Collection<Long> questionIds, String lang) {
        Map<Long, BankViews.QuestionDetail> details = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (long id : questionIds) {
            rendered.question(id, lang, deck.stamp()).ifPresentOrElse(d -> details.put(id, d), () -> missing.add(id));
        }
        if (!missing.isEmpty()) {
            List<Question> loaded = Question.list("id in ?1 and deckId = ?2 and retired = false", missing, deck.summary().id());
            Map<String, Question> followUps = followUpsOf(loaded);
            for (Question q : loaded) {
                BankViews.QuestionDetail detail = detail(deck.summary(), q, lang, followUps);
                rendered.putQuestion(lang, deck.stamp(), detail);
                details.put(q.id, detail);
            }
        }
        return details;
    }

    /** The active questions the given ones (all of one deck) name as follow-ups, by stable id: one query, or none. */
    private static Map<String, Question> followUpsOf(List<Question> questions) {
        List<String> ids = questions.stream().flatMap(q -> q.followUps.stream()).distinct().toList();
        Map<String, Question> found = new HashMap<>();
        if (!ids.isEmpty()) {
            Question.<Question>list("deckId = ?1 and externalId in ?2 and retired = false", questions.getFirst().deckId, ids)
                    .forEach(q -> found.put(q.externalId, q));
        }
        return found;
    }

    private static BankViews.QuestionDetail detail(BankViews.DeckSummary deck, Question q, String lang,
                                                   Map<String, Question> followUpsById) {
        Localized<Question.Text> localized = pick(q.texts, lang, q.originalLanguage);
        Question.Text t = localized.value();
        String shownLang = localized.lang();
        List<Question.Option> options = q.options.stream().filter(o -> o.lang.equals(shownLang)).toList();
        List<BankViews.Choice> choices = q.type == QuestionType.SINGLE_CHOICE || q.type == QuestionType.MULTIPLE_CHOICE
                ? options.stream().map(o -> new BankViews.Choice(MarkdownRenderer.inlineHtml(o.text),
                        AnswerChecker.isRight(q.type, o.fraction), o.fraction)).toList()
                : List.of();
        List<String> accepted = q.type == QuestionType.SHORT_ANSWER
                ? options.stream().filter(o -> o.fraction > 0).map(o -> o.text).toList() : List.of();
        List<BankViews.Pair> pairs = q.type == QuestionType.MATCHING
                ? options.stream().map(o -> new BankViews.Pair(o.text, o.matchText)).toList() : List.of();
        List<BankViews.DemoRef> demos = q.demoIds.stream().map(id -> DemoCatalog.byId(id)
                .map(d -> new BankViews.DemoRef(id, d.title(lang), true))
                .orElse(new BankViews.DemoRef(id, id, false))).toList();
        io.demodeck.quiz.cloze.ClozeView cloze = q.type == QuestionType.CLOZE ? ClozeViews.view(t.prompt, q.id) : null;
        return new BankViews.QuestionDetail(deck, q.id, q.externalId, q.type, shownLang,
                q.type == QuestionType.CLOZE ? ClozeViews.blanks(t.prompt) : MarkdownRenderer.toHtml(t.prompt),
                MarkdownRenderer.toHtml(t.answer),
                t.keyPoints.stream().map(MarkdownRenderer::inlineHtml).toList(),
                MarkdownRenderer.toHtml(t.accurateNote), MarkdownRenderer.toHtml(t.generalFeedback),
                choices, accepted, pairs, q.correctBoolean, q.correctMin, q.correctMax, demos,
                List.copyOf(q.tags), q.source, localized.fallback(), followUps(q, lang, followUpsById),
                q.wrongAnswers(shownLang).stream().map(w -> new BankViews.WrongAnswer(MarkdownRenderer.inlineHtml(w.claim),
                        MarkdownRenderer.inlineHtml(w.why))).toList(), q.title, cloze);
    }

    /** A follow-up that has left the deck (retired) is not linked. */
    private static List<BankViews.FollowUp> followUps(Question q, String lang, Map<String, Question> byExternalId) {
        return q.followUps.stream().map(byExternalId::get).filter(java.util.Objects::nonNull)
                .map(f -> new BankViews.FollowUp(f.externalId, f.type == QuestionType.CLOZE
                        ? ClozeViews.blanksInline(pick(f.texts, lang, f.originalLanguage).value().prompt)
                        : MarkdownRenderer.inlineHtml(pick(f.texts, lang, f.originalLanguage).value().prompt)))
                .toList();
    }

    private static BankViews.DeckSummary summary(Deck d, String lang) {
        Localized<Deck.Text> text = pick(d.texts, lang, d.originalLanguage);
        return new BankViews.DeckSummary(d.id, d.externalId, text.value().title, text.value().description,
                Question.countActiveByDeck(d.id), text.fallback());
    }

    /** The text in {@code lang}, else in the original language, else any. */
    static <T> Localized<T> pick(Map<String, T> texts, String lang, String original) {
        if (texts.containsKey(lang)) {
            return new Localized<>(texts.get(lang), lang, false);
        }
        String chosen = texts.containsKey(original) ? original : texts.keySet().stream().sorted().findFirst().orElseThrow();
        return new Localized<>(texts.get(chosen), chosen, true);
    }

    record Localized<T>(T value, String lang, boolean fallback) {
    }
}
