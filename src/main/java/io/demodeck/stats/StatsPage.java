package io.demodeck.stats;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.web.Messages;
import io.demodeck.web.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** A learner's progress: a year of reviews, the next 30 days, true retention, cards by state, the streak. */
@Path("/stats")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class StatsPage {

    /** SVG markup is built by {@link SvgCharts}, which escapes every text it writes. */
    public record Charts(String heatmap, String forecast, String retention, String states, int streak,
                         long totalReviews, Map<String, Long> cardsByState) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stats(Charts charts);
    }

    @Inject
    StatsService stats;

    @Inject
    CurrentUser user;

    @Inject
    Ui ui;

    @GET
    public TemplateInstance page() {
        StatsService.Stats s = stats.of(user.id(), Instant.now());
        Messages msg = MessageBundles.get(Messages.class, Localized.Literal.of(ui.lang()));
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", ui.locale());
        String heatmap = SvgCharts.heatmap(msg.stats_heatmap(), msg.stats_heatmap_desc(s.totalReviews()),
                s.reviewsPerDay(), s.today().minusDays(StatsService.HEATMAP_DAYS - 1), s.today(), ui.locale(),
                (n, d) -> msg.stats_day_reviews(n, d.format(DateTimeFormatter.ISO_LOCAL_DATE)));
        String forecast = SvgCharts.bars(msg.stats_forecast(), msg.stats_forecast_desc(),
                s.duePerDay().entrySet().stream().map(e -> new SvgCharts.Bar(label(e.getKey(), s.today()), e.getValue(),
                        msg.stats_day_due(e.getValue(), e.getKey().format(day)))).toList(), 0, "#0b57d0");
        String retention = SvgCharts.bars(msg.stats_retention(), msg.stats_retention_desc(),
                s.retentionByWeek().entrySet().stream().map(e -> new SvgCharts.Bar(e.getKey().format(day),
                        e.getValue() == null ? 0 : Math.round(e.getValue() * 1000) / 10.0,
                        e.getValue() == null ? msg.stats_week_none(e.getKey().format(day))
                                : msg.stats_week_retention(e.getKey().format(day), Math.round(e.getValue() * 100))))
                        .toList(), 100, "#146c2e");
        List<SvgCharts.Bar> stateBars = List.of(
                new SvgCharts.Bar(msg.study_new(), s.cardsByState().get("new"), msg.study_new() + ": " + s.cardsByState().get("new")),
                new SvgCharts.Bar(msg.study_learning(), s.cardsByState().get("learning"), msg.study_learning() + ": " + s.cardsByState().get("learning")),
                new SvgCharts.Bar(msg.stats_state_review(), s.cardsByState().get("review"), msg.stats_state_review() + ": " + s.cardsByState().get("review")),
                new SvgCharts.Bar(msg.stats_state_relearning(), s.cardsByState().get("relearning"), msg.stats_state_relearning() + ": " + s.cardsByState().get("relearning")));
        String states = SvgCharts.bars(msg.stats_states(), msg.stats_states_desc(), stateBars, 0, "#7a4d00");
        return Templates.stats(new Charts(heatmap, forecast, retention, states, s.streak(), s.totalReviews(),
                s.cardsByState()));
    }

    /** Every fifth day is labelled, and today. */
    private static String label(LocalDate day, LocalDate today) {
        long offset = java.time.temporal.ChronoUnit.DAYS.between(today, day);
        return offset % 5 == 0 ? "+" + offset : "";
    }
}
