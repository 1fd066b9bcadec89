package io.demodeck.study;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** When a deck's next card comes back, for the "done for now" screen. */
@ApplicationScoped
public class StudyProgress {

    @Inject
    EntityManager em;

    /** "in 10 minutes", "через 3 дня"; null when no card of the deck is scheduled. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String nextDue(long userId, long deckId, Instant now, String lang) {
        Object due = em.createNativeQuery("select min(due) from card where user_id = ?1 and deck_id = ?2 "
                        + "and state <> 0 and not suspended")
                .setParameter(1, userId).setParameter(2, deckId).getSingleResult();
        Instant instant = switch (due) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> Instant.parse(due.toString());
        };
        return instant == null ? null : IntervalText.longForm(Duration.between(now, instant), lang);
    }
}
