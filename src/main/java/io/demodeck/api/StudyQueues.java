package io.demodeck.api;

import io.demodeck.bank.BankQueries;
import io.demodeck.bank.BankViews;
import io.demodeck.review.ReviewService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * The study queue as the API shows it, shared by {@code GET /api/v1/study/queue} and the cards that come back with
 * answers ({@code POST /api/v1/reviews?next=N}), so both are the same for the same state.
 */
@ApplicationScoped
public class StudyQueues {

    @Inject
    BankQueries bank;

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
