package io.demodeck.deck;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.platform.SqlRow;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import io.demodeck.platform.ClientFacingException;

import java.util.List;
import java.util.Optional;

/**
 * Who may see and change a deck: the rules of issue 14 in one place.
 * <ul>
 *   <li>private: its owner, its co-editors and admins;</li>
 *   <li>class: also the members and the instructors of the classes it is assigned to;</li>
 *   <li>public: anyone, anonymous visitors included (only admins publish or unpublish);</li>
 *   <li>an archived deck is hidden from everyone who cannot edit it.</li>
 * </ul>
 * Editing (import, question editor, rename, export) is for the owner, co-editors and admins.
 * {@link #VISIBLE_TO_USER} is the same rule as a SQL condition for lists.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeckAccess {

    /** What a viewer may do with a deck, weakest first. */
    public enum Level { NONE, VIEW, EDIT, OWN }

    /** The person asking: null id for an anonymous visitor. */
    public record Viewer(Long userId, boolean instructor, boolean admin) {
        public static final Viewer ANONYMOUS = new Viewer(null, false, false);

        public static Viewer of(CurrentUser user) {
            return user.signedIn()
                    ? new Viewer(user.id(), user.hasRole(Role.INSTRUCTOR), user.hasRole(Role.ADMIN))
                    : ANONYMOUS;
        }
    }

    /**
     * The condition "deck {@code d} is listed for the signed-in user {@code :viewer}" (not for admins, who see
     * every deck on their admin pages but whose home page lists what concerns them). Anonymous visitors:
     * {@link #VISIBLE_TO_ANONYMOUS}.
     */
    public static final String VISIBLE_TO_USER = """
            (d.visibility = 'public' and d.archived_at is null
             or d.owner_id = :viewer
             or exists (select 1 from deck_editor e where e.deck_id = d.id and e.user_id = :viewer)
             or d.visibility = 'class' and d.archived_at is null and exists (
                  select 1 from class_deck cd
                  where cd.deck_id = d.id
                    and (exists (select 1 from class_member m where m.class_id = cd.class_id and m.user_id = :viewer)
                         or exists (select 1 from study_class c where c.id = cd.class_id and c.owner_id = :viewer))))""";

    public static final String VISIBLE_TO_ANONYMOUS = "(d.visibility = 'public' and d.archived_at is null)";

    private static final String LEVEL_SQL = """
            select case
                when d.owner_id = :viewer then 3
                when exists (select 1 from deck_editor e where e.deck_id = d.id and e.user_id = :viewer) then 2
                when d.archived_at is null and (d.visibility = 'public' or d.visibility = 'class' and exists (
                     select 1 from class_deck cd
                     where cd.deck_id = d.id
                       and (exists (select 1 from class_member m where m.class_id = cd.class_id and m.user_id = :viewer)
                            or exists (select 1 from study_class c where c.id = cd.class_id and c.owner_id = :viewer))))
                     then 1
                else 0 end
            from deck d where d.id = :deck""";

    public Level level(Viewer viewer, long deckId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = Panache.getEntityManager().createNativeQuery(LEVEL_SQL)
                .setParameter("viewer", viewer.userId() == null ? -1L : viewer.userId())
                .setParameter("deck", deckId)
                .getResultList();
        if (rows.isEmpty()) {
            return Level.NONE;
        }
        Level level = Level.values()[rows.getFirst().intValue()];
        // admins may do everything an owner may; the system's decks (no owner) are edited by admins only
        return viewer.admin() && level.compareTo(Level.OWN) < 0 ? Level.OWN : level;
    }

    public boolean canView(Viewer viewer, long deckId) {
        return level(viewer, deckId).compareTo(Level.VIEW) >= 0;
    }

    public boolean canEdit(Viewer viewer, long deckId) {
        return level(viewer, deckId).compareTo(Level.EDIT) >= 0;
    }

    /** The viewer an account is, by its id (for services handed a user id rather than the request's user). */
    public Viewer viewerOf(Long userId) {
        if (userId == null) {
            return Viewer.ANONYMOUS;
        }
        io.demodeck.account.User account = io.demodeck.account.User.findById(userId);
        if (account == null) {
            return Viewer.ANONYMOUS;
        }
        java.util.Set<Role> roles = Role.parse(account.roles);
        return new Viewer(userId, roles.contains(Role.INSTRUCTOR) || roles.contains(Role.ADMIN), roles.contains(Role.ADMIN));
    }

    /** Who may see an import record: its uploader, the editors of its deck and admins. */
    public boolean canSeeImport(Viewer viewer, Long uploaderId, Long deckId) {
        if (viewer.userId() == null) {
            return false;
        }
        return viewer.admin() || viewer.userId().equals(uploaderId) || deckId != null && canEdit(viewer, deckId);
    }

    /**
     * Refuses to let {@code viewer} write into the existing deck {@code externalId} unless they may edit it; the
     * refusal names the owner, so the importer knows whom to ask (never a silent takeover).
     */
    public void requireImportInto(Viewer viewer, String externalId) {
        Optional<Long> id = idOf(externalId);
        if (id.isEmpty() || canEdit(viewer, id.get())) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> owner = Panache.getEntityManager().createNativeQuery(
                        "select coalesce(u.username, '') from deck d left join app_user u on u.id = d.owner_id where d.id = :d")
                .setParameter("d", id.get()).getResultList();
        String ownerName = owner.isEmpty() || owner.getFirst().isEmpty() ? "the system (question bank)" : owner.getFirst();
        throw new ClientFacingException(409, "deck-owned-by-another", "Deck belongs to someone else",
                "The deck id '" + externalId + "' is taken: the deck belongs to " + ownerName + ". Only its owner, "
                        + "its co-editors and admins may import into it; choose another deck id or ask " + ownerName
                        + " to add you as a co-editor.");
    }

    /** The database id of the deck with this external id, whoever may see it. */
    public Optional<Long> idOf(String externalId) {
        if (externalId == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = Panache.getEntityManager().createNativeQuery("select id from deck where external_id = :e")
                .setParameter("e", externalId).getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    /** The viewer's level on the deck with this external id; NONE when there is no such deck. */
    public Level level(Viewer viewer, String externalId) {
        return idOf(externalId).map(id -> level(viewer, id)).orElse(Level.NONE);
    }

    /**
     * The id of a deck the viewer may see. A deck they may not see answers exactly as a missing one (404), so
     * private deck ids do not leak.
     */
    public long requireView(Viewer viewer, String externalId) {
        Optional<Long> id = idOf(externalId);
        if (id.isEmpty() || !canView(viewer, id.get())) {
            throw ClientFacingException.notFound("Deck " + externalId);
        }
        return id.get();
    }

    /** The id of a deck the viewer may edit: 404 when they may not even see it, 403 when they may only see it. */
    public long requireEdit(Viewer viewer, String externalId) {
        Optional<Long> id = idOf(externalId);
        Level level = id.map(i -> level(viewer, i)).orElse(Level.NONE);
        if (level == Level.NONE) {
            throw ClientFacingException.notFound("Deck " + externalId);
        }
        if (level.compareTo(Level.EDIT) < 0) {
            throw notEditor(externalId);
        }
        return id.get();
    }

    /** Of these questions, those of decks the viewer may not see (unknown ids are left to the caller). */
    public java.util.Set<Long> hiddenQuestions(Viewer viewer, java.util.Collection<Long> questionIds) {
        if (questionIds.isEmpty()) {
            return java.util.Set.of();
        }
        List<SqlRow> rows = SqlRow.list(Panache.getEntityManager().createNativeQuery(
                        "select q.id, q.deck_id from question q where q.id in (:ids)", Tuple.class)
                .setParameter("ids", java.util.Set.copyOf(questionIds)));
        java.util.Map<Long, Boolean> visibleDeck = new java.util.HashMap<>();
        java.util.Set<Long> hidden = new java.util.HashSet<>();
        for (SqlRow row : rows) {
            long deck = row.getLong("deck_id");
            if (!visibleDeck.computeIfAbsent(deck, d -> canView(viewer, d))) {
                hidden.add(row.getLong("id"));
            }
        }
        return hidden;
    }

    static ClientFacingException notEditor(String externalId) {
        return new ClientFacingException(403, "not-deck-editor", "Forbidden",
                "Only the owner, the co-editors and admins may change or export the deck '" + externalId + "'");
    }
}
