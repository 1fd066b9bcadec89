package io.demodeck.bank;

import io.demodeck.quiz.QuestionType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Tuple;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Entity
@Table(name = "question")
public class Question extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "deck_id", nullable = false)
    public Long deckId;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public QuestionType type;

    @Column(nullable = false)
    public int position;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> tags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "demo_ids", nullable = false, columnDefinition = "text[]")
    public List<String> demoIds = new ArrayList<>();

    public String source;

    /** Stable ids of the questions (same deck) an interviewer would ask next. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "follow_ups", nullable = false, columnDefinition = "text[]")
    public List<String> followUps = new ArrayList<>();

    @Column(name = "original_language", nullable = false)
    public String originalLanguage;

    @Column(name = "correct_boolean")
    public Boolean correctBoolean;

    @Column(name = "correct_min")
    public Double correctMin;

    @Column(name = "correct_max")
    public Double correctMax;

    /** The source's name for the question (GIFT ::name::, Moodle &lt;name&gt;), or null. */
    public String title;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(nullable = false)
    public boolean retired;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "question_text", joinColumns = @JoinColumn(name = "question_id"))
    @MapKeyColumn(name = "lang")
    public Map<String, Text> texts = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "question_option", joinColumns = @JoinColumn(name = "question_id"))
    @OrderBy("lang, position")
    public List<Option> options = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "question_wrong_answer", joinColumns = @JoinColumn(name = "question_id"))
    @OrderBy("lang, position")
    public List<WrongAnswer> wrongAnswers = new ArrayList<>();

    @Embeddable
    public static class Text {
        @Column(nullable = false)
        public String prompt;
        public String answer;
        @JdbcTypeCode(SqlTypes.ARRAY)
        @Column(name = "key_points", nullable = false, columnDefinition = "text[]")
        public List<String> keyPoints = new ArrayList<>();
        @Column(name = "accurate_note")
        public String accurateNote;
        @Column(name = "general_feedback")
        public String generalFeedback;
    }

    @Embeddable
    public static class Option {
        @Column(nullable = false)
        public String lang;
        @Column(nullable = false)
        public int position;
        @Column(nullable = false)
        public String text;
        @Column(name = "match_text")
        public String matchText;
        @Column(nullable = false)
        public double fraction;
        public String feedback;
    }

    /** A common wrong answer in one language: what a candidate says, and why it is wrong. */
    @Embeddable
    public static class WrongAnswer {
        @Column(nullable = false)
        public String lang;
        @Column(nullable = false)
        public int position;
        @Column(nullable = false)
        public String claim;
        @Column(nullable = false)
        public String why;
    }

    /** The wrong answers in one language, in order. */
    public List<WrongAnswer> wrongAnswers(String lang) {
        return wrongAnswers.stream().filter(w -> w.lang.equals(lang)).toList();
    }

    public static List<Question> listActiveByDeck(long deckId) {
        return list("deckId = ?1 and retired = false order by position", deckId);
    }

    public static long countActiveByDeck(long deckId) {
        return count("deckId = ?1 and retired = false", deckId);
    }

    public static Optional<Question> findByExternalId(long deckId, String externalId) {
        return find("deckId = ?1 and externalId = ?2", deckId, externalId).firstResultOptional();
    }

    /** The ids of a deck's active questions by their stable id, without loading the questions. */
    public static Map<String, Long> idsByExternalId(long deckId) {
        Map<String, Long> ids = new HashMap<>();
        getEntityManager().createQuery("select q.externalId as externalId, q.id as id from Question q "
                        + "where q.deckId = ?1 and q.retired = false", Tuple.class)
                .setParameter(1, deckId).getResultList()
                .forEach(row -> ids.put(row.get("externalId", String.class), row.get("id", Long.class)));
        return ids;
    }

    public static List<Question> listByDeck(long deckId) {
        return list("deckId", deckId);
    }
}
