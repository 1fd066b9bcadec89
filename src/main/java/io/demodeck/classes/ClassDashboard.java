package io.demodeck.classes;

import io.demodeck.platform.DemodeckConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demodeck.quiz.QuestionType;
import io.demodeck.deck.DeckAccess.Viewer;
import io.demodeck.platform.SqlRow;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the class knows: per learner and per question of the class's decks, for the class's instructor and admins.
 * One set-based statement per table (learners, questions) and one for the wrong options, however large the class:
 * no query per learner or per question. Only the class's decks count, as the join page promises.
 * <p>
 * A large class (500 learners, a million reviews) takes seconds to compute, so every computation is timed and stored
 * per class and language (class_dashboard_snapshot); a class whose last computation took
 * {@code demodeck.classes.dashboard-live-below} or longer is served the stored figures, marked with their time, and
 * recomputed in the background once they are older than {@code demodeck.classes.dashboard-refresh-after}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ClassDashboard {

    static final Duration RETENTION_WINDOW = Duration.ofDays(30);
    /** Longer streaks show as this many days: the statement reads no further back. */
    static final int STREAK_DAYS = 400;
    static final int HARDEST = 10;
    static final int WRONG_OPTIONS = 3;

    /**
     * @param retention true retention over the last 30 days: share of reviews of cards in review state not rated
     *                  Again; null without such reviews
     * @param streak    study days in a row (the learner's time zone and day rollover) up to today, or up to yesterday
     *                  when nothing was studied yet today
     */
    public record LearnerRow(long userId, String username, long cardsStudied, long dueNow, Double retention,
                             long retentionReviews, Instant lastActive, int streak) {
    }

    public record WrongOption(String text, long count) {
    }

    /**
     * @param againRate       share of answers rated Again; null without answers
     * @param firstTry        auto-graded questions: share of learners whose first checked answer was right; null for
     *                        other types or without answers
     * @param meanDifficulty  mean FSRS difficulty (1-10) of the learners' started cards; null when none started
     */
    public record QuestionRow(long questionId, String deck, String externalId, String label, QuestionType type,
                              long answers, long agains, Double againRate, long firstTryLearners, Double firstTry,
                              Double meanDifficulty, List<WrongOption> wrongOptions) {
    }

    /**
     * @param stored        true when the figures come from the stored computation of {@code computedAt} (a large
     *                      class) rather than from this request
     * @param computeMillis how long computing the figures took
     */
    public record Dashboard(ClassService.ClassSummary summary, List<ClassService.AssignedDeck> decks,
                            List<LearnerRow> learners, List<QuestionRow> questions, List<QuestionRow> hardest,
                            Instant computedAt, boolean stored, long computeMillis) {
    }

    /** What is stored per class and language (class_dashboard_snapshot.data). */
    public record Figures(List<LearnerRow> learners, List<QuestionRow> questions) {
    }

    public record Snapshot(Figures figures, Instant computedAt, long computeMillis) {
    }

    private static final Logger LOG = Logger.getLogger(ClassDashboard.class);

    @Inject
    EntityManager em;

    @Inject
    ClassService classes;

    @Inject
    ObjectMapper json;

    @Inject
    DemodeckConfig config;

    /** Classes being recomputed in the background on this replica: at most one refresh per class at once. */
    private final Set<Long> refreshing = ConcurrentHashMap.newKeySet();

    /**
     * The class's dashboard: computed now when the class's last computation was quick, else the stored one (and a
     * background refresh when it is older than {@code demodeck.classes.dashboard-refresh-after}).
     */
    public Dashboard of(Viewer viewer, long classId, String lang, Instant now) {
        classes.requireAtLeast(viewer, classId, ClassService.Access.MANAGE);
        ClassService.ClassDetail detail = classes.detail(viewer, classId, lang);
        Snapshot last = stored(classId, lang);
        if (last != null && last.computeMillis() >= config.classes().dashboardLiveBelow().toMillis()) {
            if (!last.computedAt().plus(config.classes().dashboardRefreshAfter()).isAfter(now)) {
                refreshInBackground(classId);
            }
            return dashboard(detail, last, true);
        }
        Snapshot fresh = compute(classId, lang, now);
        if (last == null || fresh.computeMillis() >= config.classes().dashboardLiveBelow().toMillis()
                || !last.computedAt().plus(config.classes().dashboardRefreshAfter()).isAfter(now)) {
            store(classId, lang, fresh);
        }
        return dashboard(detail, fresh, false);
    }

    /** "Compute now": computes the class's figures in {@code lang} at once and stores them, however large the class. */
    public Dashboard refresh(Viewer viewer, long classId, String lang, Instant now) {
        classes.requireAtLeast(viewer, classId, ClassService.Access.MANAGE);
        ClassService.ClassDetail detail = classes.detail(viewer, classId, lang);
        Snapshot fresh = compute(classId, lang, now);
        store(classId, lang, fresh);
        return dashboard(detail, fresh, false);
    }

    /** How old stored figures may get before a request starts recomputing them. */
    public Duration refreshAfter() {
        return config.classes().dashboardRefreshAfter();
    }

    /** True while a background refresh of the class runs on this replica. */
    public boolean refreshing(long classId) {
        return refreshing.contains(classId);
    }

    private static Dashboard dashboard(ClassService.ClassDetail detail, Snapshot s, boolean stored) {
        List<QuestionRow> hardest = s.figures().questions().stream().filter(q -> q.againRate() != null)
                .sorted(Comparator.comparing(QuestionRow::againRate).reversed()
                        .thenComparing(q -> q.meanDifficulty() == null ? 0 : -q.meanDifficulty())
                        .thenComparing(q -> -q.answers()))
                .limit(HARDEST).toList();
        return new Dashboard(detail.summary(), detail.decks(), s.figures().learners(), s.figures().questions(), hardest,
                s.computedAt(), stored, s.computeMillis());
    }

    /** Recomputes every stored language of the class on a virtual thread, unless that already happens here. */
    void refreshInBackground(long classId) {
        if (!refreshing.add(classId)) {
            return;
        }
        try {
            Thread.ofVirtual().name("dashboard-refresh-" + classId).start(() -> {
                ManagedContext requestContext = Arc.container().requestContext();
                requestContext.activate();
                try {
                    @SuppressWarnings("unchecked")
                    List<String> langs = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "select lang from class_dashboard_snapshot where class_id = :class order by lang")
                            .setParameter("class", classId).getResultList());
                    for (String lang : langs) {
                        store(classId, lang, compute(classId, lang, Instant.now()));
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Refreshing the dashboard of class %d failed; the stored one stays", classId);
                } finally {
                    requestContext.terminate();
                    refreshing.remove(classId);
                }
            });
        } catch (RuntimeException | Error e) {
            refreshing.remove(classId);
            throw e;
        }
    }

    /** Computes the figures in a transaction of their own (with room to sort and hash in memory). */
    Snapshot compute(long classId, String lang, Instant now) {
        long started = System.nanoTime();
        Figures figures = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("set local work_mem = '64MB'").executeUpdate();
            return new Figures(learners(classId, now), questions(classId, lang));
        });
        return new Snapshot(figures, now, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    Snapshot stored(long classId, String lang) {
        SqlRow r = SqlRow.first(em.createNativeQuery("""
                        select cast(data as text) as data, computed_at, compute_ms from class_dashboard_snapshot
                        where class_id = :class and lang = :lang""", Tuple.class)
                .setParameter("class", classId).setParameter("lang", lang)).orElse(null);
        if (r == null) {
            return null;
        }
        try {
            return new Snapshot(json.readValue(r.getString("data"), Figures.class), r.getInstant("computed_at"),
                    r.getLong("compute_ms"));
        } catch (JsonProcessingException e) {
            LOG.warnf(e, "The stored dashboard of class %d (%s) is unreadable; computing it again", classId, lang);
            return null;
        }
    }

    void store(long classId, String lang, Snapshot s) {
        String data;
        try {
            data = json.writeValueAsString(s.figures());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // the class may have been deleted meanwhile: then nothing is stored
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into class_dashboard_snapshot (class_id, lang, data, computed_at, compute_ms)
                        select id, :lang, cast(:data as jsonb), :at, :ms from study_class where id = :class
                        on conflict (class_id, lang) do update set data = excluded.data, computed_at = excluded.computed_at,
                            compute_ms = excluded.compute_ms
                        where class_dashboard_snapshot.computed_at <= excluded.computed_at""")
                .setParameter("class", classId).setParameter("lang", lang).setParameter("data", data)
                .setParameter("at", Timestamp.from(s.computedAt()))
                .setParameter("ms", (int) Math.min(Integer.MAX_VALUE, s.computeMillis())).executeUpdate());
    }

    static final String LEARNERS = """
            with members as (
                select m.user_id, u.username, coalesce(s.time_zone, 'UTC') as tz, coalesce(s.day_rollover_hour, 4) as roll
                from class_member m join app_user u on u.id = m.user_id
                left join user_settings s on s.user_id = m.user_id
                where m.class_id = :class),
            decks as (select deck_id from class_deck where class_id = :class),
            cards as (
                select c.user_id, count(*) filter (where c.state <> 0) as studied,
                       count(*) filter (where c.state <> 0 and not c.suspended and c.due <= :now) as due,
                       max(c.last_review) as last_active
                from card c
                where c.user_id in (select user_id from members) and c.deck_id in (select deck_id from decks)
                group by c.user_id),
            reviews as (
                select r.user_id, ((r.reviewed_at at time zone m.tz) - make_interval(hours => m.roll))::date as day,
                       r.reviewed_at, r.state_before, r.rating, r.early
                from review_log r
                join members m on m.user_id = r.user_id
                join card c on c.id = r.card_id
                where r.reviewed_at >= :streakSince and r.undone_at is null
                  and c.deck_id in (select deck_id from decks)),
            retention as (
                select user_id, count(*) as n, count(*) filter (where rating > 1) as ok
                from reviews where state_before = 2 and not early and reviewed_at >= :retentionSince group by user_id),
            days as (select distinct user_id, day from reviews),
            islands as (
                select user_id, max(day) as last_day, count(*) as len
                from (select user_id, day, day - (row_number() over (partition by user_id order by day))::int as grp
                      from days) d
                group by user_id, grp),
            streaks as (
                select i.user_id, max(i.len) as streak
                from islands i join members m on m.user_id = i.user_id
                where i.last_day >= ((cast(:now as timestamptz) at time zone m.tz) - make_interval(hours => m.roll))::date - 1
                group by i.user_id)
            select m.user_id, m.username, coalesce(c.studied, 0) as studied, coalesce(c.due, 0) as due, t.ok,
                   coalesce(t.n, 0) as n, c.last_active, coalesce(s.streak, 0) as streak
            from members m
            left join cards c on c.user_id = m.user_id
            left join retention t on t.user_id = m.user_id
            left join streaks s on s.user_id = m.user_id
            order by lower(m.username)""";

    List<LearnerRow> learners(long classId, Instant now) {
        List<SqlRow> rows = SqlRow.list(em.createNativeQuery(LEARNERS, Tuple.class).setParameter("class", classId)
                .setParameter("now", Timestamp.from(now))
                .setParameter("streakSince", Timestamp.from(now.minus(Duration.ofDays(STREAK_DAYS + 1))))
                .setParameter("retentionSince", Timestamp.from(now.minus(RETENTION_WINDOW))));
        List<LearnerRow> out = new ArrayList<>(rows.size());
        for (SqlRow r : rows) {
            long n = r.getLong("n");
            Double retention = n == 0 ? null : r.getDouble("ok") / n;
            out.add(new LearnerRow(r.getLong("user_id"), r.getString("username"), r.getLong("studied"), r.getLong("due"),
                    retention, n, r.getInstant("last_active"), r.getInt("streak")));
        }
        return out;
    }

    static final String QUESTIONS = """
            with members as (select user_id from class_member where class_id = :class),
            decks as (select deck_id from class_deck where class_id = :class),
            qs as (
                select q.id, d.external_id as deck, q.external_id, q.type, q.title, q.original_language, cd.assigned_at, q.position
                from question q join deck d on d.id = q.deck_id join class_deck cd on cd.deck_id = d.id and cd.class_id = :class
                where not q.retired and q.type <> 'DESCRIPTION'),
            cards as (
                select c.question_id, avg(c.difficulty) filter (where c.state <> 0) as difficulty
                from card c
                where c.user_id in (select user_id from members) and c.deck_id in (select deck_id from decks)
                group by c.question_id),
            answers as (
                select c.question_id, count(*) as n, count(*) filter (where r.rating = 1) as agains
                from review_log r join card c on c.id = r.card_id
                where r.user_id in (select user_id from members) and c.deck_id in (select deck_id from decks)
                  and r.undone_at is null
                group by c.question_id),
            firsts as (
                select question_id, count(*) as learners, count(*) filter (where correct) as correct
                from (select distinct on (a.question_id, a.user_id) a.question_id, a.correct
                      from quiz_answer a
                      where a.user_id in (select user_id from members) and a.question_id in (select id from qs)
                      order by a.question_id, a.user_id, a.answered_at, a.id) f
                group by question_id)
            select qs.id, qs.deck, qs.external_id, qs.type,
                   coalesce(qs.title, (select left(t.prompt, 300) from question_text t where t.question_id = qs.id
                                       order by t.lang = :lang desc, t.lang = qs.original_language desc limit 1), qs.external_id)
                       as title,
                   coalesce(a.n, 0) as answers, coalesce(a.agains, 0) as agains, coalesce(f.learners, 0) as learners,
                   f.correct, c.difficulty
            from qs
            left join answers a on a.question_id = qs.id
            left join cards c on c.question_id = qs.id
            left join firsts f on f.question_id = qs.id
            order by qs.assigned_at, qs.deck, qs.position, qs.id""";

    /**
     * The wrong options chosen most: choices that carry no credit (a chosen number is the choice's place on the study page,
     * counted from 0 in position order), true/false values, typed answers.
     */
    static final String WRONG = """
            with members as (select user_id from class_member where class_id = :class),
            qs as (select q.id, q.original_language from question q join class_deck cd on cd.deck_id = q.deck_id
                   where cd.class_id = :class and not q.retired and q.type <> 'DESCRIPTION'),
            wrong as (
                select a.question_id, a.chosen, a.truth, a.typed from quiz_answer a
                where not a.correct and a.user_id in (select user_id from members) and a.question_id in (select id from qs)),
            opts as (
                select o.question_id, o.lang, o.text, o.fraction,
                       (row_number() over (partition by o.question_id, o.lang order by o.position) - 1)::int as idx
                from question_option o where o.question_id in (select distinct question_id from wrong)),
            shown as (
                select distinct on (o.question_id) o.question_id, o.lang from opts o join qs on qs.id = o.question_id
                order by o.question_id, o.lang = :lang desc, o.lang = qs.original_language desc, o.lang),
            labels as (
                select w.question_id, o.text as label
                from wrong w cross join lateral unnest(w.chosen) as p(pos)
                join shown s on s.question_id = w.question_id
                join opts o on o.question_id = w.question_id and o.lang = s.lang and o.idx = p.pos and o.fraction <= 0
                union all
                select question_id, case when truth then 'true' else 'false' end from wrong where truth is not null
                union all
                select question_id, lower(typed) from wrong where typed is not null and cardinality(chosen) = 0)
            select question_id, label, count(*) as times from labels where label <> ''
            group by question_id, label order by question_id, times desc, label""";


    List<QuestionRow> questions(long classId, String lang) {
        List<SqlRow> wrongRows = SqlRow.list(em.createNativeQuery(WRONG, Tuple.class).setParameter("class", classId)
                .setParameter("lang", lang));
        Map<Long, List<WrongOption>> wrong = new HashMap<>();
        for (SqlRow r : wrongRows) {
            List<WrongOption> options = wrong.computeIfAbsent(r.getLong("question_id"), k -> new ArrayList<>());
            if (options.size() < WRONG_OPTIONS) {
                options.add(new WrongOption(r.getString("label"), r.getLong("times")));
            }
        }
        List<SqlRow> rows = SqlRow.list(em.createNativeQuery(QUESTIONS, Tuple.class).setParameter("class", classId)
                .setParameter("lang", lang));
        List<QuestionRow> out = new ArrayList<>(rows.size());
        for (SqlRow r : rows) {
            long id = r.getLong("id");
            QuestionType type = QuestionType.valueOf(r.getString("type"));
            long answers = r.getLong("answers");
            long agains = r.getLong("agains");
            long learners = r.getLong("learners");
            Double firstTry = !type.autoGraded() || learners == 0 ? null : r.getDouble("correct") / learners;
            out.add(new QuestionRow(id, r.getString("deck"), r.getString("external_id"), label(r.getString("title"), type), type,
                    answers, agains, answers == 0 ? null : (double) agains / answers, type.autoGraded() ? learners : 0,
                    firstTry, r.getDoubleOrNull("difficulty"), wrong.getOrDefault(id, List.of())));
        }
        return out;
    }

    /** A gap in the bank's cloze syntax, also one cut off at the end of a shortened prompt. */
    private static final java.util.regex.Pattern GAP =
            java.util.regex.Pattern.compile("\\{\\d{0,4}:[A-Z_]{1,20}(?::(?:\\\\.|[^\\\\}])*)?(?:}|$)");

    /**
     * A question's label; a cloze prompt shows "…" where its gaps are, never their answers (a gap cut off by the
     * shortened prompt included).
     */
    static String label(String text, QuestionType type) {
        return label(type == QuestionType.CLOZE ? GAP.matcher(text).replaceAll("…") : text);
    }

    /** The first line of a title or prompt, without Markdown marks, at most 120 characters. */
    static String label(String text) {
        String line = text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("")
                .replaceAll("[*_`#>\\[\\]]", "").strip();
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }
}
