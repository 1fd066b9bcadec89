package io.demodeck.home;

import io.demodeck.deck.DeckAccess;
import io.demodeck.platform.SqlRow;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decks of the home page in one statement: each deck the viewer may see ({@link DeckAccess#VISIBLE_TO_USER}) once,
 * in the first section it belongs to (my decks, my classes' decks, decks I study, public decks), with its title in the
 * reader's language (else the original one, else any), its count of active questions and, for class decks, the names
 * of the viewer's classes that assign it. An optional search keeps the decks whose title (in any language) or one of
 * whose active questions' tags contains the search text, ignoring case.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HomeDecks {

    /** The sections of the home page, in the order they are shown. */
    public enum Section { MINE, CLASSES, STUDIED, PUBLIC }

    /** One deck as the home page lists it; {@code classes} is empty outside the class section. */
    public record Row(long id, String externalId, String title, String description, boolean fallback,
                      long questionCount, Section section, String classes, boolean archived) {
    }

    private static final String MINE = """
            (d.owner_id = :viewer or exists (select 1 from deck_editor e where e.deck_id = d.id and e.user_id = :viewer))""";

    private static final String MY_CLASSES = """
            exists (select 1 from class_deck cd join study_class sc on sc.id = cd.class_id
                    where cd.deck_id = d.id and (sc.owner_id = :viewer
                          or exists (select 1 from class_member m where m.class_id = sc.id and m.user_id = :viewer)))""";

    private static final String SQL = """
            select d.id, d.external_id, t.title, t.description, t.lang <> :lang as fallback,
                   (select count(*) from question q where q.deck_id = d.id and not q.retired) as questions,
                   case when %1$s then 0
                        when %2$s then 1
                        when exists (select 1 from card c where c.user_id = :viewer and c.deck_id = d.id) then 2
                        else 3 end as section,
                   (select string_agg(sc.name, ', ' order by sc.name) from class_deck cd
                    join study_class sc on sc.id = cd.class_id
                    where cd.deck_id = d.id and (sc.owner_id = :viewer
                          or exists (select 1 from class_member m where m.class_id = sc.id and m.user_id = :viewer)))
                    as classes,
                   d.archived_at is not null as archived
            from deck d
            cross join lateral (select x.lang, x.title, x.description from deck_text x where x.deck_id = d.id
                                order by x.lang = :lang desc, x.lang = d.original_language desc, x.lang limit 1) t
            where %3$s
              and (:pattern = '' or exists (select 1 from deck_text s where s.deck_id = d.id and %4$s like :pattern)
                   or exists (select 1 from question q cross join unnest(q.tags) tag
                              where q.deck_id = d.id and not q.retired and %5$s like :pattern))
            order by section, d.origin, d.external_id""";

    /** The decks of the home page by section (every section present, perhaps empty); {@code search} may be blank. */
    public Map<Section, List<Row>> decks(DeckAccess.Viewer viewer, String lang, String search) {
        String visible = viewer.userId() == null ? DeckAccess.VISIBLE_TO_ANONYMOUS : DeckAccess.VISIBLE_TO_USER;
        List<SqlRow> rows = SqlRow.list(Panache.getEntityManager()
                .createNativeQuery(SQL.formatted(MINE, MY_CLASSES, visible, folded("s.title"), folded("tag")), Tuple.class)
                .setParameter("viewer", viewer.userId() == null ? -1L : viewer.userId())
                .setParameter("lang", lang)
                .setParameter("pattern", pattern(search)));
        Map<Section, List<Row>> sections = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            sections.put(s, new ArrayList<>());
        }
        for (SqlRow r : rows) {
            Section section = Section.values()[r.getInt("section")];
            String classes = section == Section.CLASSES ? r.getString("classes") : null;
            sections.get(section).add(new Row(r.getLong("id"), r.getString("external_id"), r.getString("title"),
                    r.getString("description"), r.getBoolean("fallback"), r.getLong("questions"), section,
                    classes == null ? "" : classes, r.getBoolean("archived")));
        }
        return sections;
    }

    private static final String UPPER_RU = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";
    private static final String LOWER_RU = UPPER_RU.toLowerCase(Locale.ROOT);

    /**
     * {@code column} in lower case for both languages of the app whatever the database's locale: lower() folds only
     * ASCII under the C locale (as an embedded or a minimal server may run), so Russian letters are folded by hand.
     */
    static String folded(String column) {
        return "translate(lower(" + column + "), '" + UPPER_RU + "', '" + LOWER_RU + "')";
    }

    /** A LIKE pattern that finds the search text anywhere, its own % _ and \ taken literally; '' for no search. */
    static String pattern(String search) {
        if (search == null || search.isBlank()) {
            return "";
        }
        String escaped = search.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
