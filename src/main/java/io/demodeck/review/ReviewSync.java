package io.demodeck.review;

import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.ApiProblem;
import io.demodeck.review.scheduler.Rating;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies a batch of answers recorded offline. The batch is validated as a whole (nothing is applied when a
 * field is wrong), then each answer is applied on its own, oldest first, by
 * {@link ReviewService#gradeInTimeOrder}: idempotent per client id, and in {@code reviewedAt} order per card
 * even when an older answer arrives after a newer one.
 */
@ApplicationScoped
public class ReviewSync {

    static final int MAX_BATCH = 500;
    /** Device clocks drift; an answer dated further ahead than this is refused. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    /** Nothing was answered before this (the importer's bound too); years far outside the database's range fail there. */
    static final Instant EARLIEST_ANSWER = Instant.EPOCH;
    /** A UUID as {@link UUID#toString()} writes it, in either case. */
    static final String UUID_FORM = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    public record Review(
            @Schema(description = "UUID the app picks once per answer; resending it is harmless",
                    examples = "0f8e1c3a-5a55-4c1e-9a43-7f2f5d1e2b10")
            @NotNull(message = "{demodeck.clientReviewId}") @Pattern(regexp = UUID_FORM, message = "{demodeck.clientReviewId}")
            String clientReviewId,
            @Schema(description = "the question's id (question.id in decks and the study queue)", examples = "17")
            @NotNull Long questionId,
            @Schema(description = "1 Again, 2 Hard, 3 Good, 4 Easy", minimum = "1", maximum = "4", examples = "3")
            @NotNull(message = "{demodeck.rating}") @Min(value = 1, message = "{demodeck.rating}")
            @Max(value = 4, message = "{demodeck.rating}") Integer rating,
            @Schema(description = "when the learner answered, ISO-8601 (at most 5 minutes ahead of the server)",
                    examples = "2026-03-02T09:15:30Z") String reviewedAt,
            @Schema(description = "time spent on the answer in milliseconds; 0 when absent", examples = "5400")
            @PositiveOrZero Long durationMs) {
    }

    public enum Status { APPLIED, DUPLICATE, REJECTED, RETRY }

    /**
     * @param card the card's state after the whole batch; null when the answer was rejected
     */
    public record Result(String clientReviewId, Status status, String error, ApiCard card) {
    }

    private record Valid(int index, UUID clientReviewId, long questionId, Rating rating, Instant reviewedAt,
                         long durationMs) {
    }

    @Inject
    ReviewService reviews;

    @Inject
    io.demodeck.deck.DeckAccess access;

    @Inject
    io.demodeck.account.CurrentUser user;

    public List<Result> apply(long userId, List<Review> batch) {
        List<Valid> answers = validate(batch, Instant.now());
        Map<Integer, Result> results = new HashMap<>();
        Map<Integer, Long> cardOf = new HashMap<>(); // a resent client id answers with the card it was first applied to
        // each card's state after its last applied answer of the batch is its state after the whole batch
        Map<Long, ApiCard> cards = new HashMap<>();
        // a question of a deck the learner may not see (private, archived) is answered as a missing one
        java.util.Set<Long> hidden = access.hiddenQuestions(io.demodeck.deck.DeckAccess.Viewer.of(user),
                answers.stream().map(Valid::questionId).toList());
        answers.stream().sorted(Comparator.comparing(Valid::reviewedAt).thenComparing(Valid::index)).forEach(a -> {
            try {
                if (hidden.contains(a.questionId())) {
                    throw new UnknownQuestionException("no question " + a.questionId());
                }
                ReviewService.GradeResult r = reviews.gradeInTimeOrder(userId, a.questionId(), a.rating(),
                        a.reviewedAt(), a.durationMs(), a.clientReviewId(), "api");
                cardOf.put(a.index(), r.questionId());
                if (!r.replayed()) {
                    cards.put(r.questionId(), ApiCard.of(r.card()));
                }
                results.put(a.index(), new Result(a.clientReviewId().toString(),
                        r.replayed() ? Status.DUPLICATE : Status.APPLIED, null, null));
            } catch (UnknownQuestionException e) {
                results.put(a.index(), new Result(a.clientReviewId().toString(), Status.REJECTED,
                        "no question " + a.questionId(), null));
            } catch (ReviewIdReusedException e) {
                results.put(a.index(), new Result(a.clientReviewId().toString(), Status.REJECTED, e.getMessage(), null));
            } catch (ReviewConflictException e) {
                results.put(a.index(), new Result(a.clientReviewId().toString(), Status.RETRY,
                        "the card kept changing; send this answer again", null));
            }
        });
        // cards only resent answers touched are read once, so every answer reports the card's final state
        for (long questionId : new LinkedHashSet<>(cardOf.values())) {
            if (!cards.containsKey(questionId)) {
                reviews.card(userId, questionId).map(ApiCard::of).ifPresent(c -> cards.put(questionId, c));
            }
        }
        List<Result> ordered = new ArrayList<>(answers.size());
        for (Valid a : answers) {
            Result r = results.get(a.index());
            Long questionId = cardOf.get(a.index());
            ordered.add(questionId == null ? r : new Result(r.clientReviewId(), r.status(), null, cards.get(questionId)));
        }
        return ordered;
    }

    /**
     * The batch's constraints (size, required fields, rating, the id's form) are checked on {@link Review} before
     * this; what is left needs the server's clock: when each answer was given.
     */
    static List<Valid> validate(List<Review> batch, Instant now) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        List<Valid> valid = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Review r = batch.get(i);
            String at = "reviews[" + i + "].";
            Optional<Instant> when = parseInstant(r.reviewedAt());
            if (when.isEmpty()) {
                errors.add(new ApiProblem.FieldError(at + "reviewedAt", "required: an ISO-8601 instant such as 2026-03-02T09:15:30Z"));
            } else if (when.get().isAfter(now.plus(CLOCK_TOLERANCE))) {
                errors.add(new ApiProblem.FieldError(at + "reviewedAt", "is in the future; check the device clock"));
            } else if (when.get().isBefore(EARLIEST_ANSWER)) {
                errors.add(new ApiProblem.FieldError(at + "reviewedAt", "is before 1970; check the device clock"));
            }
            if (errors.isEmpty()) {
                valid.add(new Valid(i, UUID.fromString(r.clientReviewId()), r.questionId(), Rating.fromGrade(r.rating()), when.get(),
                        r.durationMs() == null ? 0 : r.durationMs()));
            }
        }
        if (!errors.isEmpty()) {
            throw ClientFacingException.validation(errors);
        }
        return valid;
    }

    private static Optional<Instant> parseInstant(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
