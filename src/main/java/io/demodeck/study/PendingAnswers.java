package io.demodeck.study;

import io.demodeck.account.AfterSignIn;
import io.demodeck.bank.BankQueries;
import io.demodeck.deck.DeckAccess;
import io.demodeck.review.ReviewIdReusedException;
import io.demodeck.review.ReviewService;
import io.demodeck.review.scheduler.Rating;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An answer posted after the session expired is kept in a cookie ({@value #COOKIE}, a day, HttpOnly) and applied
 * when the learner signs in again: the sign-in leads back to the study page with the answer applied once (its review
 * id makes a second try a no-op) or with a notice that it could not be. The cookie holds nothing secret: whoever signs
 * in can only grade their own cards, which they could anyway.
 */
@ApplicationScoped
public class PendingAnswers implements AfterSignIn {

    static final String COOKIE = "demodeck-pending-answer";

    /** An answer to apply later; {@code extra} is the review-ahead or custom session it belongs to, or null. */
    record Pending(String deck, long question, int rating, UUID rid, long durationMs, ExtraSession extra) {
    }

    @Inject
    ReviewService reviews;

    @Inject
    BankQueries bank;

    @Inject
    DeckAccess access;

    @Inject
    StudyClock clock;

    static NewCookie keep(Pending p, boolean secure) {
        StringBuilder form = new StringBuilder();
        add(form, "deck", p.deck());
        add(form, "question", String.valueOf(p.question()));
        add(form, "rating", String.valueOf(p.rating()));
        add(form, "rid", p.rid().toString());
        add(form, "duration", String.valueOf(p.durationMs()));
        if (p.extra() != null) {
            add(form, "extra", p.extra().code());
            add(form, "days", String.valueOf(p.extra().days()));
            if (p.extra().tag() != null) {
                add(form, "tag", p.extra().tag());
            }
            add(form, "since", String.valueOf(p.extra().since()));
        }
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(form.toString().getBytes(StandardCharsets.UTF_8));
        return new NewCookie.Builder(COOKIE).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(86_400).build();
    }

    private static void add(StringBuilder form, String name, String value) {
        if (!form.isEmpty()) {
            form.append('&');
        }
        form.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    static Optional<Pending> read(String cookie) {
        try {
            String form = new String(Base64.getUrlDecoder().decode(cookie), StandardCharsets.UTF_8);
            Map<String, String> f = new HashMap<>();
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    f.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            ExtraSession extra = ExtraSession.fromForm(f.get("extra"),
                    f.containsKey("days") ? Integer.valueOf(f.get("days")) : null, f.get("tag"),
                    f.containsKey("since") ? Long.valueOf(f.get("since")) : null);
            int rating = Integer.parseInt(f.get("rating"));
            if (rating < 1 || rating > 4 || f.get("deck") == null) {
                return Optional.empty();
            }
            return Optional.of(new Pending(f.get("deck"), Long.parseLong(f.get("question")), rating,
                    UUID.fromString(f.get("rid")), Math.max(0, Long.parseLong(f.get("duration"))), extra));
        } catch (RuntimeException e) {
            return Optional.empty(); // not one of ours: nothing to apply
        }
    }

    @Override
    public Optional<Next> afterSignIn(long userId, HttpServerRequest request) {
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Optional.empty();
        }
        NewCookie gone = new NewCookie.Builder(COOKIE).value("").path("/").httpOnly(true).maxAge(0).build();
        Optional<Pending> pending = read(cookie.getValue());
        if (pending.isEmpty()) {
            return Optional.of(new Next(URI.create("/"), List.of(gone)));
        }
        Pending p = pending.get();
        String base = p.extra() == null ? "/study/" + p.deck() : p.extra().path(p.deck());
        String sep = base.contains("?") ? "&" : "?";
        return Optional.of(new Next(URI.create(base + sep + "kept=" + (apply(userId, p) ? "applied" : "failed")),
                List.of(gone)));
    }

    /** True when the answer is applied (now, or already before with the same review id). */
    boolean apply(long userId, Pending p) {
        try {
            DeckAccess.Viewer viewer = QuarkusTransaction.requiringNew().call(() -> access.viewerOf(userId));
            var deck = bank.visibleDeck(viewer, p.deck(), "en");
            if (deck.isEmpty() || bank.questionById(deck.get().id(), p.question(), "en").isEmpty()) {
                return false;
            }
            reviews.grade(userId, p.question(), Rating.fromGrade(p.rating()), clock.now(),
                    Math.min(p.durationMs(), 3_600_000L), p.rid(), p.extra() == null ? "web" : p.extra().origin());
            return true;
        } catch (ReviewIdReusedException e) {
            return false;
        } catch (RuntimeException e) {
            io.quarkus.logging.Log.warnf("an answer kept over a sign-in could not be applied: %s", e.toString());
            return false;
        }
    }
}
