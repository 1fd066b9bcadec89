package io.demodeck.study;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A study session outside the normal queue, started from the done page. It never changes the normal queue's limits:
 * <ul>
 *   <li>{@link Kind#AHEAD}: review ahead, the review cards due within the next {@code days} days, now;</li>
 *   <li>{@link Kind#TAG}: the learner's started cards of one tag;</li>
 *   <li>{@link Kind#FAILED}: the cards the learner answered Again today.</li>
 * </ul>
 * A card answered since {@code since} (the session's start) is not shown again in it, unless undo takes the answer
 * back. The answers are logged with origin {@link #origin()}, flagged as early and left out of true retention; an
 * Again among them is no lapse.
 *
 * @param since the session's start, epoch milliseconds
 */
public record ExtraSession(Kind kind, int days, String tag, long since) {

    public static final int MAX_DAYS = 7;
    public static final int MAX_TAG = 100;

    public enum Kind {
        AHEAD, TAG, FAILED
    }

    public ExtraSession {
        if (kind == null) {
            throw new IllegalArgumentException("kind");
        }
        if (kind == Kind.AHEAD && (days < 1 || days > MAX_DAYS)) {
            throw new IllegalArgumentException("days must be 1 to " + MAX_DAYS + ", got " + days);
        }
        if (kind == Kind.TAG && (tag == null || tag.isBlank() || tag.length() > MAX_TAG)) {
            throw new IllegalArgumentException("a tag of 1 to " + MAX_TAG + " characters");
        }
    }

    public Instant start() {
        return Instant.ofEpochMilli(since);
    }

    /** The review log's origin of this session's answers. */
    public String origin() {
        return kind == Kind.AHEAD ? "ahead" : "custom";
    }

    public boolean ahead() {
        return kind == Kind.AHEAD;
    }

    public boolean byTag() {
        return kind == Kind.TAG;
    }

    public boolean failed() {
        return kind == Kind.FAILED;
    }

    /** The form value of {@code extra}: ahead, tag or failed. */
    public String code() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The session's page: its next card, or its end. */
    public String path(String deckExternalId) {
        String base = "/study/" + deckExternalId;
        return switch (kind) {
            case AHEAD -> base + "/ahead?days=" + days + "&since=" + since;
            case TAG -> base + "/custom?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8) + "&since=" + since;
            case FAILED -> base + "/custom?failed=true&since=" + since;
        };
    }

    /** From the grade form's fields; null when the form belongs to the normal queue. */
    static ExtraSession fromForm(String extra, Integer days, String tag, Long since) {
        if (extra == null || extra.isBlank()) {
            return null;
        }
        Kind kind;
        try {
            kind = Kind.valueOf(extra.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("extra must be ahead, tag or failed");
        }
        if (since == null || since < 0) {
            throw new IllegalArgumentException("since: the session's start");
        }
        return new ExtraSession(kind, days == null ? 0 : days, tag, since);
    }
}
