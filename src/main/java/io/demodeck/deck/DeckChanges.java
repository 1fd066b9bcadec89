package io.demodeck.deck;

import io.demodeck.platform.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * The deck change log ({@code deck_change}): who changed a deck, when and how. The deck's lifecycle
 * ({@link DeckLifecycle}), imports (with the questions they created, updated and retired) and the question editor
 * (with the question changed) write here, in the transaction of the change itself, so a change that rolls back
 * leaves no line. Shown newest first on the deck's manage page and in the API.
 */
@ApplicationScoped
public class DeckChanges {

    /** The actions the question editor records, each about one question. */
    public static final String QUESTION_CREATED = "question-created";
    public static final String QUESTION_EDITED = "question-edited";
    public static final String QUESTION_RETIRED = "question-retired";
    public static final String QUESTION_RESTORED = "question-restored";
    public static final String QUESTION_REVERTED = "question-reverted";
    public static final String IMPORTED = "imported";

    /**
     * One recorded change.
     *
     * @param detail   what changed, as the action has it: the file of an import, the fields of an edit, the
     *                 revision restored, the old and new value of a lifecycle change
     * @param question the question's id in the deck, for the editor's changes; else null
     * @param created  imports: questions created (null for other actions); likewise {@code updated}, {@code retired}
     */
    public record Change(Instant at, String username, String action, String detail, String question, Integer created,
                         Integer updated, Integer retired) {
    }

    @Inject
    EntityManager em;

    /** A change to the deck itself (created, renamed, archived, ...). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deck(Long userId, Long deckId, String deckExternalId, String action, String detail) {
        insert(userId, deckId, deckExternalId, action, detail, null, null, null, null);
    }

    /** An import into the deck: the file and how many questions it created, updated and retired. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void imported(Long userId, long deckId, String deckExternalId, String fileName, int created, int updated,
                         int retired) {
        insert(userId, deckId, deckExternalId, IMPORTED, fileName, null, created, updated, retired);
    }

    /** A change of one question in the editor; {@code detail} names the fields changed or the revision restored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void question(Long userId, long deckId, String deckExternalId, String action, String questionExternalId,
                         String detail) {
        insert(userId, deckId, deckExternalId, action, detail, questionExternalId, null, null, null);
    }

    /** The deck's changes, newest first (at most 200). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Change> of(long deckId) {
        return SqlRow.list(em.createNativeQuery("""
                        select changed_at, username, action, detail, question_external_id, created_count, updated_count,
                               retired_count
                        from deck_change where deck_id = ?1 order by changed_at desc, id desc limit 200""", Tuple.class)
                .setParameter(1, deckId)).stream()
                .map(r -> new Change(r.getInstant("changed_at"), r.getString("username"), r.getString("action"),
                        r.getString("detail"), r.getString("question_external_id"), r.getIntOrNull("created_count"),
                        r.getIntOrNull("updated_count"), r.getIntOrNull("retired_count")))
                .toList();
    }

    private void insert(Long userId, Long deckId, String deckExternalId, String action, String detail, String question,
                        Integer created, Integer updated, Integer retired) {
        // the username is copied: the line keeps saying who it was after the account is gone; the casts type the
        // parameters that may be null
        em.createNativeQuery("""
                        insert into deck_change (deck_id, deck_external_id, user_id, username, action, detail,
                                                 question_external_id, created_count, updated_count, retired_count)
                        values (cast(?1 as bigint), ?2, cast(?3 as bigint), (select username from app_user where id = cast(?3 as bigint)),
                                ?4, cast(?5 as text), cast(?6 as varchar), cast(?7 as integer), cast(?8 as integer),
                                cast(?9 as integer))""")
                .setParameter(1, deckId).setParameter(2, deckExternalId).setParameter(3, userId)
                .setParameter(4, action).setParameter(5, detail).setParameter(6, question)
                .setParameter(7, created).setParameter(8, updated).setParameter(9, retired).executeUpdate();
    }
}
