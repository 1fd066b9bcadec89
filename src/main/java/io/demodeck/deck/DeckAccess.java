package io.demodeck.deck;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

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
}
