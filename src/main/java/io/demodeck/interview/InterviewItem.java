package io.demodeck.interview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One question of a mock interview and the learner's answer to it. */
@Entity
@Table(name = "interview_item")
public class InterviewItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "interview_id", nullable = false)
    public long interviewId;

    /** 1-based. */
    @Column(nullable = false)
    public int position;

    @Column(name = "question_id", nullable = false)
    public long questionId;

    @Column(name = "shown_at")
    public Instant shownAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** typed, aloud, quiz or skipped; null while unanswered. */
    public String mode;

    public String answer;

    /** One '1' or '0' per key point (flashcards). */
    public String hits;

    public Double score;

    public Boolean correct;

    @Column(name = "awaiting_self_grade", nullable = false)
    public boolean awaitingSelfGrade;

    public static List<InterviewItem> of(long interviewId) {
        return list("interviewId = ?1 order by position", interviewId);
    }

    public boolean done() {
        return answeredAt != null && !awaitingSelfGrade;
    }
}
