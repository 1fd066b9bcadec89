package io.demodeck.classes;

import io.demodeck.deck.DeckAccess;
import io.demodeck.deck.DeckAccess.Viewer;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Classes (issue 14 "Classes and what the class knows"): an instructor creates a class, hands out invite codes and
 * assigns decks; learners join by a code and may leave. Who may see a deck stays {@link DeckAccess}'s business;
 * here only who may manage or see a class: its owner and admins manage it, its members see its name and decks.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ClassService {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_EXPIRY_DAYS = 365;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the viewer may do with a class. */
    public enum Access { NONE, MEMBER, MANAGE }

    public record ClassSummary(long id, String name, String description, boolean archived, String owner,
                               long members, long decks) {
    }

    /** An invite: {@code active} when neither revoked nor expired. */
    public record Invite(long id, String code, Instant createdAt, Instant expiresAt, Instant revokedAt, boolean active) {
    }

    /** A deck assigned to the class; {@code newCardsPerDay} null means the learners' own limits. */
    public record AssignedDeck(long deckId, String externalId, String title, Integer newCardsPerDay) {
    }

    public record Member(long userId, String username, Instant joinedAt) {
    }

    /** A class as its viewer sees it: invites and members only for those who manage it. */
    public record ClassDetail(ClassSummary summary, Access access, List<AssignedDeck> decks, List<Invite> invites,
                              List<Member> members) {
    }

    public record Mine(List<ClassSummary> teaching, List<ClassSummary> learning) {
    }

    /** What an invite code leads to, for the join page. */
    public enum InviteStatus { VALID, EXPIRED, REVOKED, CLASS_ARCHIVED, UNKNOWN }

    public record Invitation(InviteStatus status, ClassSummary summary, List<AssignedDeck> decks, boolean alreadyMember) {
    }

    @Inject
    EntityManager em;

    @Inject
    DeckAccess deckAccess;

    // --------------------------------------------------------------------------------------------- reading

    public Access access(Viewer viewer, long classId) {
        SqlRow row = classRow(classId);
        long owner = row.getLong("owner_id");
        if (viewer.userId() == null) {
            return Access.NONE;
        }
        if (viewer.admin() || owner == viewer.userId()) {
            return Access.MANAGE;
        }
        return isMember(classId, viewer.userId()) ? Access.MEMBER : Access.NONE;
    }

    /** The class for a viewer who may at least see it; 404 when there is none, 403 when it is not theirs. */
    public ClassDetail detail(Viewer viewer, long classId, String lang) {
        Access access = requireAtLeast(viewer, classId, Access.MEMBER);
        boolean manage = access == Access.MANAGE;
        return new ClassDetail(summary(classId), access, decks(classId, lang), manage ? invites(classId) : List.of(),
                manage ? members(classId) : List.of());
    }

    /** Classes the viewer teaches (owns; admins see their own here too) and the ones they are a member of. */
    public Mine mine(Viewer viewer) {
        String base = """
                select c.id, c.name, c.description, c.archived_at is not null as archived, u.username,
                       (select count(*) from class_member m where m.class_id = c.id) as members,
                       (select count(*) from class_deck cd where cd.class_id = c.id) as decks
                from study_class c join app_user u on u.id = c.owner_id
                where %s order by c.archived_at is not null, lower(c.name), c.id""";
        List<ClassSummary> teaching = summaries(base.formatted("c.owner_id = :p"), viewer.userId());
        List<ClassSummary> learning = summaries(base.formatted(
                "c.archived_at is null and exists (select 1 from class_member m where m.class_id = c.id and m.user_id = :p)"),
                viewer.userId());
        return new Mine(teaching, learning);
    }

    public Invitation invitation(Viewer viewer, String code, String lang) {
        List<SqlRow> rows = SqlRow.list(em.createNativeQuery("""
                select i.class_id, i.expires_at, i.revoked_at, c.archived_at from class_invite i
                join study_class c on c.id = i.class_id where i.code = :code""", Tuple.class)
                .setParameter("code", code == null ? "" : code));
        if (rows.isEmpty()) {
            return new Invitation(InviteStatus.UNKNOWN, null, List.of(), false);
        }
        SqlRow row = rows.getFirst();
        long classId = row.getLong("class_id");
        Instant expires = row.getInstant("expires_at");
        InviteStatus status = !row.isNull("revoked_at") ? InviteStatus.REVOKED
                : !row.isNull("archived_at") ? InviteStatus.CLASS_ARCHIVED
                : expires != null && !expires.isAfter(Instant.now()) ? InviteStatus.EXPIRED
                : InviteStatus.VALID;
        if (status != InviteStatus.VALID) {
            return new Invitation(status, null, List.of(), false);
        }
        return new Invitation(status, summary(classId), decks(classId, lang),
                viewer.userId() != null && isMember(classId, viewer.userId()));
    }

    // --------------------------------------------------------------------------------------------- instructors

    @Transactional
    public long create(Viewer viewer, String name, String description) {
        if (viewer.userId() == null || !viewer.instructor()) {
            throw forbidden("Only instructors create classes");
        }
        String cleanName = name(name);
        String cleanDescription = description(description);
        Number id = (Number) em.createNativeQuery("""
                insert into study_class (owner_id, name, description) values (:owner, :name, :description) returning id""")
                .setParameter("owner", viewer.userId()).setParameter("name", cleanName)
                .setParameter("description", cleanDescription).getSingleResult();
        return id.longValue();
    }

    @Transactional
    public void update(Viewer viewer, long classId, String name, String description) {
        requireAtLeast(viewer, classId, Access.MANAGE);
        String cleanName = name(name);
        String cleanDescription = description(description);
        em.createNativeQuery("update study_class set name = :name, description = :description where id = :id")
                .setParameter("name", cleanName).setParameter("description", cleanDescription)
                .setParameter("id", classId).executeUpdate();
    }

    /** Archived classes keep their members and history; their invites stop working and their decks leave the queue limits. */
    @Transactional
    public void setArchived(Viewer viewer, long classId, boolean archived) {
        requireAtLeast(viewer, classId, Access.MANAGE);
        em.createNativeQuery("update study_class set archived_at = case when :archived then coalesce(archived_at, now()) end where id = :id")
                .setParameter("archived", archived).setParameter("id", classId).executeUpdate();
    }

    /** A new random invite code (128 bits); {@code expiresInDays} null means it never expires. */
    @Transactional
    public Invite createInvite(Viewer viewer, long classId, Integer expiresInDays) {
        requireAtLeast(viewer, classId, Access.MANAGE);
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_EXPIRY_DAYS)) {
            throw ClientFacingException.validation("expiresInDays", "between 1 and " + MAX_EXPIRY_DAYS + " days, or empty for no expiry");
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = expiresInDays == null ? null : Instant.now().plus(Duration.ofDays(expiresInDays));
        Number id = (Number) em.createNativeQuery("""
                insert into class_invite (class_id, code, created_by, expires_at) values (:class, :code, :by, :expires)
                returning id""")
                .setParameter("class", classId).setParameter("code", code).setParameter("by", viewer.userId())
                .setParameter("expires", expires == null ? null : java.sql.Timestamp.from(expires)).getSingleResult();
        return invites(classId).stream().filter(i -> i.id() == id.longValue()).findFirst().orElseThrow();
    }

    @Transactional
    public void revokeInvite(Viewer viewer, long classId, long inviteId) {
        requireAtLeast(viewer, classId, Access.MANAGE);
        int changed = em.createNativeQuery("""
                update class_invite set revoked_at = coalesce(revoked_at, now()) where id = :id and class_id = :class""")
                .setParameter("id", inviteId).setParameter("class", classId).executeUpdate();
        if (changed == 0) {
            throw ClientFacingException.notFound("Invite " + inviteId + " of class " + classId);
        }
    }

    /** The kind of the refusal to let a co-editor assign the deck they co-edit. */
    public static final String NOT_DECK_OWNER = "not-deck-owner";

    /**
     * Assigns a deck the instructor owns (admins any deck), or a public deck; a private deck becomes a class deck so the members
     * see it. Assigning again changes the daily new-card limit.
     */
    @Transactional
    public AssignedDeck assign(Viewer viewer, long classId, String deckExternalId, Integer newCardsPerDay, String lang) {
        requireAtLeast(viewer, classId, Access.MANAGE);
        if (newCardsPerDay != null && (newCardsPerDay < 0 || newCardsPerDay > 9999)) {
            throw ClientFacingException.validation("newCardsPerDay", "between 0 and 9999, or empty for the learners' own limits");
        }
        SqlRow deck = deckRow(deckExternalId);
        long deckId = deck.getLong("id");
        String visibility = deck.getString("visibility");
        boolean archived = !deck.isNull("archived_at");
        // assigning hands the deck's content to the class's learners: the owner's decision (or an admin's), never a
        // co-editor's, who may change the content but not give it to their own class; a public deck is anyone's
        DeckAccess.Level level = deckAccess.level(viewer, deckId);
        boolean openToAll = "public".equals(visibility) && !archived;
        if (level == DeckAccess.Level.EDIT && !openToAll) {
            throw new ClientFacingException(403, NOT_DECK_OWNER, "Forbidden", "Only the owner of deck '"
                    + deckExternalId + "' and admins may assign it to a class: a co-editor changes its questions but "
                    + "does not give them to other learners; ask the owner to assign it");
        }
        if (level != DeckAccess.Level.OWN && !openToAll) {
            throw forbidden("You may assign decks you own and public decks; deck '" + deckExternalId + "' is neither");
        }
        if (archived) {
            throw ClientFacingException.conflict("Deck '" + deckExternalId + "' is archived; restore it before assigning it");
        }
        if ("private".equals(visibility)) {
            em.createNativeQuery("update deck set visibility = 'class', updated_at = now() where id = :id")
                    .setParameter("id", deckId).executeUpdate();
        }
        em.createNativeQuery("""
                insert into class_deck (class_id, deck_id, new_cards_per_day) values (:class, :deck, :limit)
                on conflict (class_id, deck_id) do update set new_cards_per_day = excluded.new_cards_per_day""")
                .setParameter("class", classId).setParameter("deck", deckId)
                .setParameter("limit", newCardsPerDay).executeUpdate();
        return decks(classId, lang).stream().filter(d -> d.deckId() == deckId).findFirst().orElseThrow();
    }

    /** The deck stays a class deck (other classes may use it); its owner changes its visibility on the deck page. */
    @Transactional
    public void unassign(Viewer viewer, long classId, String deckExternalId) {
        requireAtLeast(viewer, classId, Access.MANAGE);
        long deckId = deckRow(deckExternalId).getLong("id");
        int removed = em.createNativeQuery("delete from class_deck where class_id = :class and deck_id = :deck")
                .setParameter("class", classId).setParameter("deck", deckId).executeUpdate();
        if (removed == 0) {
            throw ClientFacingException.notFound("Deck '" + deckExternalId + "' in class " + classId);
        }
    }

    // --------------------------------------------------------------------------------------------- learners

    /** Joins the class of a valid code and returns its id; joining again changes nothing. */
    @Transactional
    public long join(Viewer viewer, String code) {
        if (viewer.userId() == null) {
            throw new ClientFacingException(401, "unauthorized", "Unauthorized", "Sign in to join a class");
        }
        Invitation invitation = invitation(viewer, code, "en");
        switch (invitation.status()) {
            case UNKNOWN -> throw ClientFacingException.notFound("Invite code");
            case EXPIRED -> throw gone("This invite code has expired; ask the instructor for a new one");
            case REVOKED -> throw gone("This invite code was withdrawn; ask the instructor for a new one");
            case CLASS_ARCHIVED -> throw gone("This class is archived and takes no new members");
            case VALID -> { }
        }
        long classId = invitation.summary().id();
        em.createNativeQuery("insert into class_member (class_id, user_id) values (:class, :user) on conflict do nothing")
                .setParameter("class", classId).setParameter("user", viewer.userId()).executeUpdate();
        return classId;
    }

    /** Leaves the class: the learner's cards and reviews stay theirs, the instructors no longer see them. */
    @Transactional
    public void leave(Viewer viewer, long classId) {
        classRow(classId);
        int removed = viewer.userId() == null ? 0 : em.createNativeQuery(
                        "delete from class_member where class_id = :class and user_id = :user")
                .setParameter("class", classId).setParameter("user", viewer.userId()).executeUpdate();
        if (removed == 0) {
            throw forbidden("You are not a member of class " + classId);
        }
    }

    // --------------------------------------------------------------------------------------------- plumbing

    Access requireAtLeast(Viewer viewer, long classId, Access needed) {
        Access access = access(viewer, classId);
        if (access.compareTo(needed) < 0) {
            throw forbidden(needed == Access.MANAGE ? "Only the class's instructor and admins may do this"
                    : "This class is not yours: only its instructor and its members see it");
        }
        return access;
    }

    static ClientFacingException forbidden(String detail) {
        return new ClientFacingException(403, "forbidden", "Forbidden", detail);
    }

    static ClientFacingException gone(String detail) {
        return new ClientFacingException(410, "gone", "Gone", detail);
    }

    private SqlRow classRow(long classId) {
        return SqlRow.first(em.createNativeQuery("select owner_id, archived_at from study_class where id = :id", Tuple.class)
                .setParameter("id", classId)).orElseThrow(() -> ClientFacingException.notFound("Class " + classId));
    }

    private SqlRow deckRow(String externalId) {
        return SqlRow.first(em.createNativeQuery("select id, visibility, archived_at from deck where external_id = :id",
                        Tuple.class).setParameter("id", externalId == null ? "" : externalId.strip()))
                .orElseThrow(() -> new ClientFacingException(422, "validation", "Validation failed",
                        "There is no deck '" + externalId + "'",
                        List.of(new io.demodeck.platform.ApiProblem.FieldError("deck", "no such deck")), java.util.Map.of()));
    }

    private boolean isMember(long classId, long userId) {
        return !em.createNativeQuery("select 1 from class_member where class_id = :class and user_id = :user")
                .setParameter("class", classId).setParameter("user", userId).getResultList().isEmpty();
    }

    private ClassSummary summary(long classId) {
        return summaries("""
                select c.id, c.name, c.description, c.archived_at is not null as archived, u.username,
                       (select count(*) from class_member m where m.class_id = c.id) as members,
                       (select count(*) from class_deck cd where cd.class_id = c.id) as decks
                from study_class c join app_user u on u.id = c.owner_id where c.id = :p""", classId).getFirst();
    }

    private List<ClassSummary> summaries(String sql, Long user) {
        if (user == null) {
            return List.of();
        }
        return SqlRow.list(em.createNativeQuery(sql, Tuple.class).setParameter("p", user)).stream()
                .map(r -> new ClassSummary(r.getLong("id"), r.getString("name"), r.getString("description"),
                        r.getBoolean("archived"), r.getString("username"), r.getLong("members"), r.getLong("decks")))
                .toList();
    }

    List<AssignedDeck> decks(long classId, String lang) {
        List<SqlRow> rows = SqlRow.list(em.createNativeQuery("""
                select d.id, d.external_id,
                       coalesce((select t.title from deck_text t where t.deck_id = d.id and t.lang = :lang),
                                (select t.title from deck_text t where t.deck_id = d.id order by t.lang limit 1),
                                d.external_id) as title,
                       cd.new_cards_per_day
                from class_deck cd join deck d on d.id = cd.deck_id
                where cd.class_id = :class order by cd.assigned_at, d.id""", Tuple.class)
                .setParameter("class", classId).setParameter("lang", lang == null ? "en" : lang));
        return rows.stream().map(r -> new AssignedDeck(r.getLong("id"), r.getString("external_id"), r.getString("title"),
                r.getIntOrNull("new_cards_per_day"))).toList();
    }

    private List<Invite> invites(long classId) {
        List<SqlRow> rows = SqlRow.list(em.createNativeQuery("""
                select id, code, created_at, expires_at, revoked_at from class_invite
                where class_id = :class order by created_at desc, id desc""", Tuple.class).setParameter("class", classId));
        Instant now = Instant.now();
        return rows.stream().map(r -> {
            Instant expires = r.getInstant("expires_at");
            Instant revoked = r.getInstant("revoked_at");
            return new Invite(r.getLong("id"), r.getString("code"), r.getInstant("created_at"), expires, revoked,
                    revoked == null && (expires == null || expires.isAfter(now)));
        }).toList();
    }

    private List<Member> members(long classId) {
        List<SqlRow> rows = SqlRow.list(em.createNativeQuery("""
                select u.id, u.username, m.joined_at from class_member m join app_user u on u.id = m.user_id
                where m.class_id = :class order by lower(u.username)""", Tuple.class).setParameter("class", classId));
        return rows.stream().map(r -> new Member(r.getLong("id"), r.getString("username"), r.getInstant("joined_at")))
                .toList();
    }

    private static String name(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw ClientFacingException.validation("name", "1 to " + MAX_NAME + " characters");
        }
        return clean;
    }

    private static String description(String description) {
        String clean = description == null ? null : description.strip();
        if (clean != null && clean.length() > MAX_DESCRIPTION) {
            throw ClientFacingException.validation("description", "at most " + MAX_DESCRIPTION + " characters");
        }
        return clean == null || clean.isEmpty() ? null : clean;
    }
}
