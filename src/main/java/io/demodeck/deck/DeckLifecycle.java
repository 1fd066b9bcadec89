package io.demodeck.deck;

import io.demodeck.account.Role;
import io.demodeck.account.User;
import io.demodeck.deck.DeckAccess.Level;
import io.demodeck.deck.DeckAccess.Viewer;
import io.demodeck.platform.ApiProblem;
import io.demodeck.platform.ClientFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A deck's life (issue 14 "Decks have owners and visibility"): create an empty deck, rename it (its id), describe
 * it in English and Russian, change its visibility, name co-editors, archive and restore it, delete it (which for a
 * deck with learner history means archive) and, for admins who typed the deck id, purge it. Every change is
 * recorded in {@code deck_change} (who, what, when). Who may do what:
 * <ul>
 *   <li>editors (owner, co-editors, admins): rename, describe, change visibility between private and class;</li>
 *   <li>owner and admins: co-editors, a new owner, archive, restore, delete;</li>
 *   <li>admins only: publish or unpublish (public), purge a deck with learner history;</li>
 *   <li>nobody: rename, describe or delete a deck of {@code questions/} (the system's bank decks, 409: the files
 *   are the source of truth, loaded at every start).</li>
 * </ul>
 * Who may see a deck stays {@link DeckAccess}'s business: a deck the viewer may not see answers as a missing one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeckLifecycle {

    /** The rule of a deck id, as imports have it (ImportService): lower-case Latin letters, digits and hyphens. */
    public static final Pattern DECK_ID = DeckIds.PATTERN;
    public static final int MAX_ID = 100;
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final List<String> LANGUAGES = List.of("en", "ru");
    public static final List<String> VISIBILITIES = List.of("private", "class", "public");
    private static final String LOCK_SQL = "select pg_advisory_xact_lock(hashtext('demodeck-deck:' || ?1))";

    /** What a delete did. */
    public enum Deleted { DELETED, ARCHIVED }

    /** A deck's title and description in one language. */
    public record Text(String title, String description) {
    }

    /** A deck as its manage page and the API show it. */
    public record Manage(long id, String externalId, String originalLanguage, Map<String, Text> texts, String visibility,
                         boolean archived, Instant archivedAt, String owner, List<String> editors, boolean bank,
                         long learners, String level, boolean canManageEditors, boolean canPublish,
                         boolean canPurge, List<DeckChanges.Change> changes) {
        /** The title in this language, else the other one. */
        public String title(String lang) {
            Text t = texts.get(lang);
            if (t == null || t.title() == null || t.title().isBlank()) {
                t = texts.values().stream().filter(x -> x.title() != null && !x.title().isBlank()).findFirst().orElse(null);
            }
            return t == null ? externalId : t.title();
        }

        public Text text(String lang) {
            return texts.getOrDefault(lang, new Text("", ""));
        }
    }

    @Inject
    EntityManager em;

    @Inject
    DeckAccess access;

    @Inject
    DeckChanges log;

    // --------------------------------------------------------------------------------------------- ids

    /** A deck id suggested from a title: Russian transliterated, anything else not allowed becomes a hyphen. */
    public static String suggestId(String title) {
        if (title == null) {
            return "";
        }
        String s = Normalizer.normalize(title.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(translit(c));
        }
        String id = out.toString().replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (id.length() > 60) {
            id = id.substring(0, 60).replaceAll("-+$", "");
        }
        return id;
    }

    private static String translit(char c) {
        String ru = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
        String[] lat = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
        int i = ru.indexOf(c);
        return i >= 0 ? lat[i] : String.valueOf(c);
    }

    static void checkId(String field, String id) {
        if (id == null || id.isBlank()) {
            throw ClientFacingException.validation(field, "required: 1 to 100 lower-case Latin letters, digits and hyphens");
        }
        if (!DECK_ID.matcher(id).matches()) {
            throw ClientFacingException.validation(field, "'" + id + "' is not a deck id: use 1 to 100 lower-case Latin "
                    + "letters (a-z), digits (0-9) and hyphens, starting with a letter or digit, e.g. "
                    + (suggestId(id).isEmpty() ? "my-deck" : suggestId(id)));
        }
    }

    // --------------------------------------------------------------------------------------------- reading

    /** The manage view of a deck: its editors only (404 when the viewer may not see it, 403 when they may only see it). */
    @Transactional
    public Manage manage(Viewer viewer, String externalId) {
        long id = access.requireEdit(viewer, externalId);
        return view(viewer, id);
    }

    private Manage view(Viewer viewer, long id) {
        Deck deck = Deck.findById(id);
        Map<String, Text> texts = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            Deck.Text t = deck.texts.get(lang);
            if (t != null) {
                texts.put(lang, new Text(t.title, t.description == null ? "" : t.description));
            }
        }
        String owner = deck.ownerId == null ? null : User.<User>findByIdOptional(deck.ownerId).map(u -> u.username).orElse(null);
        @SuppressWarnings("unchecked")
        List<String> editors = em.createNativeQuery("select u.username from deck_editor e join app_user u on u.id = e.user_id "
                + "where e.deck_id = ?1 order by lower(u.username)").setParameter(1, id).getResultList();
        Level level = access.level(viewer, id);
        return new Manage(id, deck.externalId, deck.originalLanguage, texts, deck.visibility, deck.archivedAt != null,
                deck.archivedAt, owner, List.copyOf(editors), "bank".equals(deck.origin), learners(id),
                level.name().toLowerCase(Locale.ROOT), level == Level.OWN, viewer.admin(), viewer.admin(), log.of(id));
    }

    /** How many learners have cards or answers in the deck: its learner history. */
    public long learners(long deckId) {
        return ((Number) em.createNativeQuery("select count(*) from (select user_id from card where deck_id = ?1 union "
                        + "select a.user_id from quiz_answer a join question q on q.id = a.question_id where q.deck_id = ?1) u")
                .setParameter(1, deckId).getSingleResult()).longValue();
    }

    /** The recorded changes of a deck, newest first: for its editors. */
    @Transactional
    public List<DeckChanges.Change> changes(Viewer viewer, String externalId) {
        return log.of(access.requireEdit(viewer, externalId));
    }

    /** Whether the viewer may edit (and so manage and export) the deck; false for a missing one. */
    @Transactional
    public boolean canEdit(Viewer viewer, String externalId) {
        return access.level(viewer, externalId).compareTo(Level.EDIT) >= 0;
    }

    // --------------------------------------------------------------------------------------------- changes

    /** Creates an empty private deck of the viewer's (an instructor or admin); returns its id. */
    @Transactional
    public String create(Viewer viewer, String externalId, String originalLanguage, Map<String, Text> texts) {
        if (viewer.userId() == null || !viewer.instructor() && !viewer.admin()) {
            throw new ClientFacingException(403, "not-instructor", "Forbidden", "Only instructors and admins create decks");
        }
        String id = externalId == null ? "" : externalId.strip();
        checkId("id", id);
        String language = originalLanguage == null || originalLanguage.isBlank() ? "en" : originalLanguage.strip();
        if (!LANGUAGES.contains(language)) {
            throw ClientFacingException.validation("language", "en or ru");
        }
        Map<String, Deck.Text> clean = checkTexts(texts);
        em.createNativeQuery(LOCK_SQL).setParameter(1, id).getSingleResult();
        if (access.idOf(id).isPresent()) {
            throw taken(id);
        }
        Instant now = Instant.now();
        Deck deck = new Deck();
        deck.externalId = id;
        deck.originalLanguage = language;
        deck.origin = "import";
        deck.createdBy = viewer.userId();
        deck.ownerId = viewer.userId();
        deck.visibility = "private";
        deck.createdAt = now;
        deck.updatedAt = now;
        deck.texts.putAll(clean);
        deck.persist();
        record(viewer, deck.id, id, "created", describeTexts(clean));
        return id;
    }

    /** Gives the deck a new id (its address); editors; never a bank deck. */
    @Transactional
    public String rename(Viewer viewer, String externalId, String newId) {
        long id = access.requireEdit(viewer, externalId);
        Deck deck = Deck.findById(id);
        refuseBank(deck, "renamed");
        String target = newId == null ? "" : newId.strip();
        checkId("newId", target);
        if (target.equals(deck.externalId)) {
            return target;
        }
        em.createNativeQuery(LOCK_SQL).setParameter(1, target).getSingleResult();
        if (access.idOf(target).isPresent()) {
            throw taken(target);
        }
        deck.externalId = target;
        deck.updatedAt = Instant.now();
        record(viewer, id, target, "renamed", externalId + " → " + target);
        return target;
    }

    /**
     * Sets the titles and descriptions (English and Russian); a language without a title is removed. Editors; never a
     * bank deck, whose file's texts the bank loader would put back at the next start.
     */
    @Transactional
    public void describe(Viewer viewer, String externalId, Map<String, Text> texts) {
        long id = access.requireEdit(viewer, externalId);
        Deck deck = Deck.findById(id);
        refuseBank(deck, "given other texts");
        Map<String, Deck.Text> clean = checkTexts(texts);
        deck.texts.clear();
        deck.texts.putAll(clean);
        deck.updatedAt = Instant.now();
        record(viewer, id, deck.externalId, "described", describeTexts(clean));
    }

    /** private, class or public; editors switch between private and class, only admins publish or unpublish. */
    @Transactional
    public void setVisibility(Viewer viewer, String externalId, String visibility) {
        long id = access.requireEdit(viewer, externalId);
        String v = visibility == null ? "" : visibility.strip().toLowerCase(Locale.ROOT);
        if (!VISIBILITIES.contains(v)) {
            throw ClientFacingException.validation("visibility", "one of private, class, public");
        }
        Deck deck = Deck.findById(id);
        if (v.equals(deck.visibility)) {
            return;
        }
        if ((v.equals("public") || deck.visibility.equals("public")) && !viewer.admin()) {
            throw new ClientFacingException(403, "admins-publish", "Only admins publish",
                    "Only admins make a deck public or take a public deck back; ask an admin to "
                            + (v.equals("public") ? "publish" : "unpublish") + " '" + deck.externalId + "'");
        }
        String before = deck.visibility;
        deck.visibility = v;
        deck.updatedAt = Instant.now();
        record(viewer, id, deck.externalId, "visibility", before + " → " + v);
    }

    /** Names an instructor as a co-editor; the owner and admins only. */
    @Transactional
    public void addEditor(Viewer viewer, String externalId, String username) {
        long id = requireOwn(viewer, externalId);
        User user = instructor(username);
        Deck deck = Deck.findById(id);
        if (user.id.equals(deck.ownerId)) {
            throw ClientFacingException.validation("username", user.username + " owns the deck already");
        }
        int added = em.createNativeQuery("insert into deck_editor (deck_id, user_id, added_by) values (?1, ?2, ?3) "
                        + "on conflict do nothing").setParameter(1, id).setParameter(2, user.id)
                .setParameter(3, viewer.userId()).executeUpdate();
        if (added > 0) {
            record(viewer, id, deck.externalId, "editor-added", user.username);
        }
    }

    /**
     * Gives the deck to another instructor; the owner and admins only, never a bank deck. The former owner stays on
     * as a co-editor, so nobody loses access by accident.
     */
    @Transactional
    public void transfer(Viewer viewer, String externalId, String username) {
        long id = requireOwn(viewer, externalId);
        Deck deck = Deck.findById(id);
        refuseBank(deck, "given to another owner");
        User user = instructor(username);
        if (user.id.equals(deck.ownerId)) {
            return;
        }
        Long previous = deck.ownerId;
        String before = previous == null ? "—" : User.<User>findByIdOptional(previous).map(u -> u.username).orElse("—");
        deck.ownerId = user.id;
        deck.updatedAt = Instant.now();
        em.flush();
        em.createNativeQuery("delete from deck_editor where deck_id = ?1 and user_id = ?2")
                .setParameter(1, id).setParameter(2, user.id).executeUpdate();
        if (previous != null) {
            em.createNativeQuery("insert into deck_editor (deck_id, user_id, added_by) values (?1, ?2, ?3) on conflict do nothing")
                    .setParameter(1, id).setParameter(2, previous).setParameter(3, viewer.userId()).executeUpdate();
        }
        record(viewer, id, deck.externalId, "owner", before + " → " + user.username);
    }

    private static User instructor(String username) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty()) {
            throw ClientFacingException.validation("username", "required: the username of an instructor");
        }
        User user = User.findByUsername(name).orElseThrow(() ->
                ClientFacingException.validation("username", "no account is called '" + name + "'"));
        java.util.Set<Role> roles = Role.parse(user.roles);
        if (!roles.contains(Role.INSTRUCTOR) && !roles.contains(Role.ADMIN)) {
            throw ClientFacingException.validation("username", user.username + " is not an instructor; an admin grants the role first");
        }
        return user;
    }

    /** Takes a co-editor off the deck; the owner and admins only. */
    @Transactional
    public void removeEditor(Viewer viewer, String externalId, String username) {
        long id = requireOwn(viewer, externalId);
        String name = username == null ? "" : username.strip();
        int removed = em.createNativeQuery("delete from deck_editor e using app_user u where u.id = e.user_id "
                + "and e.deck_id = ?1 and lower(u.username) = lower(?2)").setParameter(1, id).setParameter(2, name).executeUpdate();
        if (removed == 0) {
            throw ClientFacingException.validation("username", "'" + name + "' is not a co-editor of the deck");
        }
        record(viewer, id, Deck.<Deck>findById(id).externalId, "editor-removed", name);
    }

    /** Hides the deck from learners (history kept); the owner and admins. */
    @Transactional
    public void archive(Viewer viewer, String externalId) {
        long id = requireOwn(viewer, externalId);
        Deck deck = Deck.findById(id);
        refuseBank(deck, "archived");
        if (deck.archivedAt == null) {
            deck.archivedAt = Instant.now();
            record(viewer, id, deck.externalId, "archived", null);
        }
    }

    @Transactional
    public void restore(Viewer viewer, String externalId) {
        long id = requireOwn(viewer, externalId);
        Deck deck = Deck.findById(id);
        if (deck.archivedAt != null) {
            deck.archivedAt = null;
            record(viewer, id, deck.externalId, "restored", null);
        }
    }

    /**
     * Deletes a deck without learner history; a deck with learner history is archived instead (history kept). The
     * owner and admins; never a bank deck.
     */
    @Transactional
    public Deleted delete(Viewer viewer, String externalId) {
        long id = requireOwn(viewer, externalId);
        Deck deck = Deck.findById(id);
        refuseBank(deck, "deleted");
        long learners = learners(id);
        if (learners > 0) {
            if (deck.archivedAt == null) {
                deck.archivedAt = Instant.now();
            }
            record(viewer, id, deck.externalId, "archived", "delete asked; " + learners + " learner(s) have history, so the deck is archived");
            return Deleted.ARCHIVED;
        }
        record(viewer, id, deck.externalId, "deleted", null);
        remove(deck);
        return Deleted.DELETED;
    }

    /**
     * Deletes a deck and all its learners' history; admins only, after typing the deck id ({@code confirm}). Never a
     * bank deck.
     */
    @Transactional
    public void purge(Viewer viewer, String externalId, String confirm) {
        long id = access.requireEdit(viewer, externalId);
        if (!viewer.admin()) {
            throw new ClientFacingException(403, "admins-purge", "Only admins purge",
                    "Only admins delete a deck together with its learners' history; you may archive it");
        }
        Deck deck = Deck.findById(id);
        refuseBank(deck, "deleted");
        if (confirm == null || !confirm.strip().equals(deck.externalId)) {
            throw ClientFacingException.validation("confirm", "type the deck id '" + deck.externalId + "' to confirm");
        }
        record(viewer, id, deck.externalId, "purged", learners(id) + " learner(s)' history deleted");
        remove(deck);
    }

    // --------------------------------------------------------------------------------------------- helpers

    private void remove(Deck deck) {
        em.flush();
        em.createNativeQuery("update deck_change set deck_id = null where deck_id = ?1").setParameter(1, deck.id).executeUpdate();
        // the rows that reference the deck without a cascade (import records keep theirs: set null)
        deck.delete();
        em.flush();
    }

    private long requireOwn(Viewer viewer, String externalId) {
        long id = access.requireEdit(viewer, externalId);
        if (access.level(viewer, id) != Level.OWN) {
            throw new ClientFacingException(403, "not-deck-owner", "Forbidden", "Only the owner of the deck '"
                    + externalId + "' and admins may do this; co-editors edit its questions and texts");
        }
        return id;
    }

    private static void refuseBank(Deck deck, String what) {
        if ("bank".equals(deck.origin)) {
            throw new ClientFacingException(409, "bank-deck", "A question bank deck",
                    "The deck '" + deck.externalId + "' comes from the questions/ folder of the system and cannot be "
                            + what + "; change the file in questions/ instead");
        }
    }

    private static ClientFacingException taken(String id) {
        return new ClientFacingException(409, "deck-id-taken", "Deck id taken",
                "A deck with the id '" + id + "' exists already; choose another id", List.of(new ApiProblem.FieldError("id",
                "taken")), Map.of());
    }

    private static Map<String, Deck.Text> checkTexts(Map<String, Text> texts) {
        Map<String, Deck.Text> clean = new LinkedHashMap<>();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (texts != null) {
            for (var e : texts.entrySet()) {
                if (!LANGUAGES.contains(e.getKey())) {
                    errors.add(new ApiProblem.FieldError("texts." + e.getKey(), "languages: en, ru"));
                    continue;
                }
                Text t = e.getValue();
                String title = t == null || t.title() == null ? "" : t.title().strip();
                String description = t == null || t.description() == null ? "" : t.description().strip();
                if (title.length() > MAX_TITLE) {
                    errors.add(new ApiProblem.FieldError("texts." + e.getKey() + ".title", "at most " + MAX_TITLE + " characters"));
                }
                if (description.length() > MAX_DESCRIPTION) {
                    errors.add(new ApiProblem.FieldError("texts." + e.getKey() + ".description", "at most " + MAX_DESCRIPTION + " characters"));
                }
                if (title.isEmpty() && !description.isEmpty()) {
                    errors.add(new ApiProblem.FieldError("texts." + e.getKey() + ".title", "a description needs a title"));
                }
                if (!title.isEmpty()) {
                    clean.put(e.getKey(), new Deck.Text(title, description.isEmpty() ? null : description));
                }
            }
        }
        if (errors.isEmpty() && clean.isEmpty()) {
            errors.add(new ApiProblem.FieldError("texts.en.title", "a title in English or Russian is required"));
        }
        if (!errors.isEmpty()) {
            throw ClientFacingException.validation(errors);
        }
        return clean;
    }

    private static String describeTexts(Map<String, Deck.Text> texts) {
        StringBuilder s = new StringBuilder();
        texts.forEach((lang, t) -> s.append(s.isEmpty() ? "" : "; ").append(lang).append(": ").append(t.title));
        return s.toString();
    }

    private void record(Viewer viewer, Long deckId, String externalId, String action, String detail) {
        log.deck(viewer.userId(), deckId, externalId, action, detail);
    }
}
