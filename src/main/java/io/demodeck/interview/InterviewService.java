package io.demodeck.interview;

import io.demodeck.bank.BankQueries;
import io.demodeck.bank.BankViews;
import io.demodeck.deck.Deck;
import io.demodeck.bank.Question;
import io.demodeck.quiz.QuestionType;
import io.demodeck.bank.QuizKeys;
import io.demodeck.deck.DeckAccess;
import io.demodeck.platform.ApiProblem;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.quiz.AnswerChecker;
import io.demodeck.quiz.QuizKey;
import io.demodeck.quiz.QuizResponse;
import io.demodeck.quiz.QuizResult;
import io.demodeck.review.ReviewService;
import io.demodeck.review.scheduler.Rating;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mock interviews (issue 15): pick questions of a deck, take answers one at a time against the clock, score them
 * (typed answers by {@link KeyPointScorer}, quiz questions by the quiz package's {@link AnswerChecker}), keep the
 * result and send the missed questions into the learner's FSRS queue as failed. The pages and the API both use it.
 */
@ApplicationScoped
public class InterviewService {

    public static final int MIN_QUESTIONS = 1;
    public static final int MAX_QUESTIONS = 30;
    public static final int MIN_SECONDS = 10;
    public static final int MAX_SECONDS = 3600;
    static final int MAX_TYPED = 4000;
    /** A flashcard answer that covers at least half of the key points is not "missed". */
    static final double PASS = 0.5;

    /**
     * What the learner answers to the current question.
     *
     * @param text    a typed answer (flashcards, short answer, numerical)
     * @param aloud   a flashcard answered aloud: the key points are shown next for self-grading
     * @param covered self-grading of an answer given aloud: the key points covered (0-based positions)
     * @param skip    "I don't know"
     */
    public record Answer(String text, boolean aloud, List<Integer> covered, boolean skip, QuizResponse quiz) {
        public Answer {
            covered = covered == null ? List.of() : List.copyOf(covered);
        }
    }

    /** The question to answer now, as the page and the API show it. */
    public record Current(int position, int total, BankViews.QuestionDetail question, boolean awaitingSelfGrade,
                          List<String> keyPointsHtml, Instant shownAt, long secondsLeft, long seed) {
    }

    public record Summary(long id, String deck, String deckTitle, List<String> tags, int questions,
                          int secondsPerQuestion, Instant startedAt, Instant finishedAt, Double score) {
        public boolean finished() {
            return finishedAt != null;
        }
    }

    public record KeyPoint(String html, boolean hit) {
    }

    /**
     * One answered question on the result page.
     *
     * @param answer       what the learner answered, as text (null: no answer)
     * @param expectedHtml the model answer (flashcards) or the key of a quiz question, HTML
     * @param seconds      time taken, from the server's timestamps
     */
    public record ItemResult(int position, long questionId, String externalId, QuestionType type, String promptHtml,
                             String mode, String answer, String expectedHtml, List<KeyPoint> keyPoints,
                             String accurateNoteHtml, List<BankViews.DemoRef> demos, double score, boolean correct,
                             long seconds, boolean overTime, Boolean truth) {
        public boolean missed() {
            return !correct;
        }

        public int percent() {
            return (int) Math.round(score * 100);
        }
    }

    /** The whole interview: its state while it runs, every answer beside the model answer once it is finished. */
    public record Detail(Summary summary, Current current, List<ItemResult> items, int missed, boolean queued,
                         long totalSeconds) {
    }

    @Inject
    BankQueries bank;

    @Inject
    DeckAccess access;

    @Inject
    ReviewService reviews;

    // ---------------------------------------------------------------------------------------------------------

    /** The questions an interview on this deck can ask: flashcards with key points and quiz questions. */
    @Transactional
    public List<String> tags(DeckAccess.Viewer viewer, String deckExternalId) {
        Deck deck = visibleDeck(viewer, deckExternalId);
        return eligible(deck.id, List.of()).stream().flatMap(q -> q.tags.stream()).distinct().sorted().toList();
    }

    @Transactional
    public long start(DeckAccess.Viewer viewer, String deckExternalId, List<String> tags, Integer questions,
                      Integer secondsPerQuestion, boolean shuffle, String lang, Instant now) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (questions == null || questions < MIN_QUESTIONS || questions > MAX_QUESTIONS) {
            errors.add(new ApiProblem.FieldError("questions", "a whole number from " + MIN_QUESTIONS + " to " + MAX_QUESTIONS));
        }
        if (secondsPerQuestion == null || secondsPerQuestion < MIN_SECONDS || secondsPerQuestion > MAX_SECONDS) {
            errors.add(new ApiProblem.FieldError("secondsPerQuestion", "seconds from " + MIN_SECONDS + " to " + MAX_SECONDS));
        }
        if (deckExternalId == null || deckExternalId.isBlank()) {
            errors.add(new ApiProblem.FieldError("deck", "choose a deck"));
        }
        if (!errors.isEmpty()) {
            throw ClientFacingException.validation(errors);
        }
        Deck deck = visibleDeck(viewer, deckExternalId);
        List<String> wanted = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank())
                .map(String::strip).distinct().toList();
        List<Question> pool = new ArrayList<>(eligible(deck.id, wanted));
        if (pool.isEmpty()) {
            throw ClientFacingException.validation(wanted.isEmpty() ? "deck" : "tags",
                    "no question of this deck " + (wanted.isEmpty() ? "" : "with these tags ") + "can be asked in an interview");
        }
        if (shuffle) {
            Collections.shuffle(pool, new Random(now.toEpochMilli() ^ viewer.userId()));
        }
        Interview interview = new Interview();
        interview.userId = viewer.userId();
        interview.deckId = deck.id;
        interview.tags = new ArrayList<>(wanted);
        interview.secondsPerQuestion = secondsPerQuestion;
        interview.lang = "ru".equals(lang) ? "ru" : "en";
        interview.startedAt = now;
        interview.persist();
        int count = Math.min(questions, pool.size());
        for (int i = 0; i < count; i++) {
            InterviewItem item = new InterviewItem();
            item.interviewId = interview.id;
            item.position = i + 1;
            item.questionId = pool.get(i).id;
            item.persist();
        }
        return interview.id;
    }

    /**
     * The interview; while it runs, its current question, shown from now on (the clock starts at its first
     * showing). {@code lang}: the language the texts are shown in.
     */
    @Transactional
    public Detail detail(long userId, long id, String lang, Instant now) {
        Interview interview = own(userId, id);
        List<InterviewItem> items = InterviewItem.of(id);
        Summary summary = summary(interview, items.size());
        if (interview.finishedAt == null) {
            InterviewItem item = items.stream().filter(i -> !i.done()).findFirst().orElse(null);
            if (item == null) {
                finish(interview, items, now);
            } else {
                if (item.shownAt == null) {
                    item.shownAt = now;
                }
                BankViews.QuestionDetail q = question(interview, item, lang);
                long left = Math.max(0, interview.secondsPerQuestion - Duration.between(item.shownAt, now).toSeconds());
                Current current = new Current(item.position, items.size(), q, item.awaitingSelfGrade,
                        q.keyPointsHtml(), item.shownAt, left, (interview.id << 8) + item.position);
                return new Detail(summary, current, List.of(), 0, false, 0);
            }
        }
        List<ItemResult> results = items.stream().map(i -> result(interview, i, lang)).toList();
        return new Detail(summary(interview, items.size()), null, results,
                (int) results.stream().filter(ItemResult::missed).count(), interview.queuedAt != null,
                results.stream().mapToLong(ItemResult::seconds).sum());
    }

    /**
     * Records the answer to question {@code position}, which must be the current one; the interview finishes by
     * itself after its last question.
     */
    @Transactional
    public void answer(long userId, long id, int position, Answer answer, String lang, Instant now) {
        Interview interview = own(userId, id);
        if (interview.finishedAt != null) {
            throw ClientFacingException.conflict("this interview is finished");
        }
        List<InterviewItem> items = InterviewItem.of(id);
        InterviewItem item = items.stream().filter(i -> !i.done()).findFirst()
                .orElseThrow(() -> ClientFacingException.conflict("every question is answered"));
        if (item.position != position) {
            throw new ClientFacingException(409, "conflict", "Conflict", "question " + position
                    + " is not the current one; the current one is " + item.position,
                    List.of(new ApiProblem.FieldError("position", "the current question is " + item.position)), java.util.Map.of());
        }
        Question q = Question.findById(item.questionId);
        String shown = "ru".equals(lang) ? "ru" : "en";
        if (item.shownAt == null) {
            item.shownAt = now;
        }
        if (item.awaitingSelfGrade) {
            List<String> points = keyPoints(q, shown);
            Set<Integer> covered = answer.covered().stream().filter(i -> i >= 0 && i < points.size())
                    .collect(Collectors.toSet());
            List<Boolean> hits = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                hits.add(covered.contains(i));
            }
            score(item, hits);
            item.awaitingSelfGrade = false;
        } else {
            item.answeredAt = now;
            String text = answer.text() == null ? null
                    : answer.text().length() > MAX_TYPED ? answer.text().substring(0, MAX_TYPED) : answer.text();
            if (answer.skip()) {
                item.mode = "skipped";
                item.score = 0.0;
                item.correct = false;
            } else if (q.type.autoGraded()) {
                QuizKey key = QuizKeys.of(q, shown);
                QuizResponse response = answer.quiz() == null ? new QuizResponse(Set.of(), text, List.of(), null)
                        : answer.quiz();
                QuizResult result = AnswerChecker.check(key, response);
                if (result.verdict() == QuizResult.Verdict.NOT_A_NUMBER) {
                    throw ClientFacingException.validation("text", "enter a number");
                }
                item.mode = "quiz";
                item.answer = describe(q, shown, response);
                item.score = result.correct() ? 1.0 : Math.max(0, result.score());
                item.correct = result.correct();
            } else if (answer.aloud()) {
                item.mode = "aloud";
                item.awaitingSelfGrade = true;
            } else {
                if (text == null || text.isBlank()) {
                    throw ClientFacingException.validation("text", "type an answer, answer aloud, or skip");
                }
                item.mode = "typed";
                item.answer = text.strip();
                score(item, KeyPointScorer.score(text, keyPoints(q, shown)).hits());
            }
        }
        if (items.stream().allMatch(InterviewItem::done)) {
            finish(interview, items, now);
        }
    }

    /** Ends the interview now: questions not answered count as skipped. Finishing twice changes nothing. */
    @Transactional
    public void finish(long userId, long id, Instant now) {
        Interview interview = own(userId, id);
        if (interview.finishedAt == null) {
            finish(interview, InterviewItem.of(id), now);
        }
    }

    /**
     * Sends the missed questions of a finished interview into the learner's FSRS queue, graded Again through the
     * grading service; once per interview (each grade has a client id made from the interview and the position, so
     * a retry cannot grade twice either). Returns how many were sent (0 the second time).
     */
    public int queueMissed(long userId, long id, String origin, Instant now) {
        List<long[]> missed = QuarkusTransaction.requiringNew().call(() -> {
            Interview interview = own(userId, id);
            if (interview.finishedAt == null) {
                throw ClientFacingException.conflict("finish the interview first");
            }
            if (interview.queuedAt != null) {
                return List.<long[]>of();
            }
            interview.queuedAt = now;
            return InterviewItem.of(id).stream().filter(i -> !Boolean.TRUE.equals(i.correct))
                    .filter(i -> Question.<Question>findByIdOptional(i.questionId).map(q -> !q.retired).orElse(false))
                    .map(i -> new long[] {i.questionId, i.position, timeTaken(i).toMillis()}).toList();
        });
        for (long[] m : missed) {
            UUID clientId = UUID.nameUUIDFromBytes(("interview:" + id + ":" + m[1]).getBytes(StandardCharsets.UTF_8));
            reviews.grade(userId, m[0], Rating.AGAIN, now, Math.min(m[2], Duration.ofHours(1).toMillis()), clientId, origin);
        }
        return missed.size();
    }

    /** The learner's interviews, newest first. */
    @Transactional
    public List<Summary> history(long userId, int limit) {
        List<Interview> list = Interview.find("userId = ?1 order by startedAt desc, id desc", userId).page(0, limit).list();
        return list.stream().map(i -> summary(i, (int) InterviewItem.count("interviewId", i.id))).toList();
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * Any deck the viewer may see (bank, public, their own, co-edited, or a class deck of a class they are in); one
     * they may not see answers 404 exactly as a missing one, as everywhere ({@link DeckAccess#requireView}).
     */
    private Deck visibleDeck(DeckAccess.Viewer viewer, String externalId) {
        return Deck.findById(access.requireView(viewer, externalId == null ? "" : externalId.strip()));
    }

    private static List<Question> eligible(long deckId, List<String> tags) {
        return Question.listActiveByDeck(deckId).stream()
                .filter(q -> tags.isEmpty() || q.tags.stream().anyMatch(tags::contains))
                .filter(q -> q.type.autoGraded()
                        || q.texts.values().stream().anyMatch(t -> t.keyPoints != null && !t.keyPoints.isEmpty()))
                .toList();
    }

    private static Interview own(long userId, long id) {
        Interview interview = Interview.findById(id);
        if (interview == null || interview.userId != userId) {
            throw ClientFacingException.notFound("interview " + id);
        }
        return interview;
    }

    private static void finish(Interview interview, List<InterviewItem> items, Instant now) {
        for (InterviewItem i : items) {
            if (!i.done()) {
                i.answeredAt = now;
                i.mode = "skipped";
                i.score = 0.0;
                i.correct = false;
                i.awaitingSelfGrade = false;
            }
        }
        interview.finishedAt = now;
        interview.score = items.isEmpty() ? 0 : Math.round(items.stream().mapToDouble(i -> i.score == null ? 0 : i.score)
                .average().orElse(0) * 1000) / 10.0;
    }

    private static void score(InterviewItem item, List<Boolean> hits) {
        item.hits = hits.stream().map(h -> h ? "1" : "0").collect(Collectors.joining());
        double score = hits.isEmpty() ? 0 : (double) hits.stream().filter(h -> h).count() / hits.size();
        item.score = score;
        item.correct = score >= PASS;
    }

    static List<String> keyPoints(Question q, String lang) {
        Question.Text t = q.texts.containsKey(lang) ? q.texts.get(lang) : q.texts.get(q.originalLanguage);
        if (t == null || t.keyPoints == null || t.keyPoints.isEmpty()) {
            t = q.texts.values().stream().filter(x -> x.keyPoints != null && !x.keyPoints.isEmpty()).findFirst().orElse(t);
        }
        return t == null || t.keyPoints == null ? List.of() : t.keyPoints;
    }

    /** A quiz answer as readable text for the result page. */
    private static String describe(Question q, String lang, QuizResponse r) {
        String shown = q.texts.containsKey(lang) ? lang : q.originalLanguage;
        List<Question.Option> options = q.options.stream().filter(o -> o.lang.equals(shown)).toList();
        return switch (q.type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> r.selected().stream().sorted().filter(i -> i >= 0 && i < options.size())
                    .map(i -> plain(options.get(i).text)).collect(Collectors.joining("; "));
            case TRUE_FALSE -> r.truth() == null ? "" : r.truth().toString();
            case MATCHING -> {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < Math.min(options.size(), r.matches().size()); i++) {
                    int m = r.matches().get(i);
                    parts.add(plain(options.get(i).text) + " → " + (m >= 0 && m < options.size() ? options.get(m).matchText : "—"));
                }
                yield String.join("; ", parts);
            }
            case CLOZE -> r.gaps().stream().map(g -> String.join(", ", g)).collect(Collectors.joining(" | "));
            default -> r.text() == null ? "" : r.text().strip();
        };
    }

    private static String plain(String markdown) {
        return markdown == null ? "" : markdown.replaceAll("[`*_]", "");
    }

    private BankViews.QuestionDetail question(Interview interview, InterviewItem item, String lang) {
        return bank.questionById(interview.deckId, item.questionId, lang)
                .orElseThrow(() -> ClientFacingException.conflict("question " + item.position
                        + " was removed from the deck; finish the interview"));
    }

    private Summary summary(Interview interview, int questions) {
        Deck deck = Deck.findById(interview.deckId);
        String title = bank.deck(deck.externalId, interview.lang).map(BankViews.DeckSummary::title).orElse(deck.externalId);
        return new Summary(interview.id, deck.externalId, title, List.copyOf(interview.tags), questions,
                interview.secondsPerQuestion, interview.startedAt, interview.finishedAt, interview.score);
    }

    private ItemResult result(Interview interview, InterviewItem item, String lang) {
        Question q = Question.findById(item.questionId);
        BankViews.QuestionDetail d = bank.questionById(interview.deckId, item.questionId, lang).orElse(null);
        String prompt = d == null ? q.externalId : d.promptHtml();
        List<KeyPoint> points = new ArrayList<>();
        if (d != null) {
            for (int i = 0; i < d.keyPointsHtml().size(); i++) {
                points.add(new KeyPoint(d.keyPointsHtml().get(i),
                        item.hits != null && i < item.hits.length() && item.hits.charAt(i) == '1'));
            }
        }
        long seconds = timeTaken(item).toSeconds();
        return new ItemResult(item.position, item.questionId, q.externalId, q.type, prompt, item.mode, item.answer,
                d == null ? "" : expected(d), points, d == null ? null : blankToNull(d.accurateNoteHtml()),
                d == null ? List.of() : d.demos(), item.score == null ? 0 : item.score, Boolean.TRUE.equals(item.correct),
                seconds, seconds > interview.secondsPerQuestion, d == null ? null : d.correctBoolean());
    }

    private static Duration timeTaken(InterviewItem item) {
        return item.shownAt == null || item.answeredAt == null ? Duration.ZERO
                : Duration.between(item.shownAt, item.answeredAt).abs();
    }

    /** The model answer, or for a quiz question its key, as HTML (true/false: {@link ItemResult#truth}). */
    private static String expected(BankViews.QuestionDetail d) {
        return switch (d.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> d.choices().stream().filter(BankViews.Choice::right)
                    .map(BankViews.Choice::html).collect(Collectors.joining("; "));
            case SHORT_ANSWER -> d.accepted().stream().map(InterviewService::escape).collect(Collectors.joining("; "));
            case NUMERICAL -> d.hasRange() ? escape(d.correctMinText() + " – " + d.correctMaxText()) : escape(d.correctMinText());
            case MATCHING -> d.pairs().stream().map(p -> escape(p.left() + " → " + p.right())).collect(Collectors.joining("; "));
            case TRUE_FALSE, CLOZE -> "";
            default -> d.answerHtml();
        };
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
