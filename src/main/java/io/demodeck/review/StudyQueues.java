package io.demodeck.review;

import io.demodeck.bank.BankQueries;
import io.demodeck.bank.BankViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The study queue as the API shows it, shared by {@code GET /api/v1/study/queue} and the cards that come back with
 * answers ({@code POST /api/v1/reviews?next=N}), so both are the same for the same state.
 */
@ApplicationScoped
public class StudyQueues {

    @Inject
    BankQueries bank;

    @Inject
    ReviewService reviews;

    /**
     * The next {@code limit} cards after a batch of answers: of {@code deckExternalId} if given, else of the deck of the
     * last answer that was not rejected. Empty when there is no such deck (or every answer was rejected).
     */
    public Optional<StudyResource.StudyQueue> after(long userId, List<ReviewSync.Review> answers,
                                                    List<ReviewSync.Result> results, String deckExternalId, int limit,
                                                    boolean withCounts, String language) {
        Instant now = Instant.now();
        if (deckExternalId != null) {
            return reviews.nextCards(userId, deckExternalId, now, limit, withCounts).map(b -> view(b, language));
        }
        for (int i = results.size() - 1; i >= 0; i--) { // results follow the request order
            if (results.get(i).status() != ReviewSync.Status.REJECTED) {
                return reviews.nextCardsAfter(userId, answers.get(i).questionId(), now, limit, withCounts)
                        .map(b -> view(b, language));
            }
        }
        return Optional.empty();
    }

    /** The queue entries of {@code batch}, with the questions rendered in {@code language} (from the deck's cache). */
    public StudyResource.StudyQueue view(ReviewService.StudyBatch batch, String language) {
        BankQueries.StudyDeck studyDeck = bank.studyDeck(batch.deckId(), batch.deckStamp(), language);
        Map<Long, BankViews.QuestionDetail> questions = bank.studyQuestions(studyDeck,
                batch.cards().stream().map(c -> c.card().questionId()).toList(), language);
        List<StudyResource.QueueEntry> items = batch.cards().stream()
                .filter(c -> questions.containsKey(c.card().questionId()))
                .map(c -> new StudyResource.QueueEntry(ApiCard.of(c.card()), questions.get(c.card().questionId()),
                        c.outcomes().values().stream()
                                .map(o -> new StudyResource.Outcome(o.rating(), o.rating().grade(), o.state(), o.due(),
                                        o.interval().toSeconds(), o.scheduledDays()))
                                .toList()))
                .toList();
        return new StudyResource.StudyQueue(studyDeck.summary().externalId(), batch.counts(), items);
    }
}
