package io.demodeck.settings;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.account.User;
import io.demodeck.review.InvalidSettingsException;
import io.demodeck.review.LearnAhead;
import io.demodeck.review.StudySettings;
import io.demodeck.review.StudySettingsService;
import io.demodeck.web.LanguageResource;
import io.demodeck.web.Languages;
import io.demodeck.web.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import io.demodeck.review.fitting.FitProblem;
import io.demodeck.review.fitting.FitService;
import io.demodeck.review.fitting.FitViews;
import io.demodeck.review.fitting.RetentionAdvice;
import io.demodeck.review.scheduler.FsrsParameters;
import io.demodeck.web.Messages;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The learner's settings: interface language and how cards are scheduled. */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class SettingsPage {

    /**
     * What the form shows: the stored values as people write them (retention as a percentage, steps as "1m 10m"), or
     * what was typed when it was refused.
     */
    public record Form(String language, String desiredRetention, String newCardsPerDay, String maxReviewsPerDay,
                       String timeZone, String dayRolloverHour, String learnAheadMinutes, String learningSteps,
                       String relearningSteps) {
    }

    /** One row of the parameter history, formatted for the page. */
    public record HistoryRow(String from, String change, String parameters) {
    }

    /**
     * The personal-parameters part of the page.
     *
     * @param notice applied, kept, restored, busy, nothing or null: what the last action did
     */
    public record ParametersSection(FitViews.Parameters parameters, List<HistoryRow> history, String notice,
                                    long busySeconds) {
    }

    /** A fit as the fit page shows it: numbers formatted, the chart rendered. */
    public record FitPage(FitViews.Fit fit, String currentLogLoss, String currentRmse, String fittedLogLoss,
                          String fittedRmse, String currentVector, String fittedVector, String chart) {
    }

    /** The recommended retention, when the learner asked for it: the text and the workload chart. */
    public record RetentionSection(String recommended, String minutes, String chart) {
    }

    @CheckedTemplate
    static class Templates {
        /**
         * @param presetZone the learner never chose a time zone: the page's script proposes the browser's
         * @param workload   the expected reviews a day at the stored desired retention
         */
        static native TemplateInstance settings(Form form, Map<String, String> errors, boolean saved,
                                                List<String> zones, boolean presetZone, String workload,
                                                ParametersSection params, RetentionSection retention);

        static native TemplateInstance fit(FitPage page);
    }

    /** The zones the field suggests: UTC, then the regions' zones (any zone id Java knows is accepted). */
    static final List<String> ZONES = java.util.stream.Stream.concat(java.util.stream.Stream.of("UTC"),
            ZoneId.getAvailableZoneIds().stream()
                    .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted()).toList();

    @Inject
    StudySettingsService settings;

    @Inject
    CurrentUser user;

    @Inject
    Ui ui;

    @Inject
    FitService fits;

    @Inject
    RetentionAdvice retentionAdvice;

    @Inject
    LearnAhead learnAhead;

    @GET
    public TemplateInstance show(@QueryParam("saved") boolean saved, @QueryParam("notice") String notice,
                                 @QueryParam("retryAfter") long retryAfter, @QueryParam("retention") String retention) {
        StudySettings s = settings.get(user.id());
        Form form = new Form(ui.lang(), SettingsInput.percent(s.desiredRetention(), ui.lang()),
                Integer.toString(s.newCardsPerDay()), Integer.toString(s.maxReviewsPerDay()), s.timeZone(),
                Integer.toString(s.dayRolloverHour()), Integer.toString(learnAhead.minutes(user.id())),
                SettingsInput.steps(s.learningStepsSeconds()), SettingsInput.steps(s.relearningStepsSeconds()));
        return Templates.settings(form, Map.of(), saved, ZONES, !settings.timeZoneChosen(user.id()), workload(),
                section(notice, retryAfter), "compute".equals(retention) ? retention() : null);
    }

    /** The expected workload at the stored retention: a bounded simulation (a sample of the cards, one retention). */
    private String workload() {
        RetentionAdvice.Workload w = retentionAdvice.workload(user.id());
        SettingsMessages m = SettingsTexts.messages(ui.lang());
        String percent = SettingsInput.percent(w.retention(), ui.lang());
        String reviews = String.format(ui.locale(), w.reviewsPerDay() < 10 ? "%.1f" : "%.0f", w.reviewsPerDay());
        String minutes = String.format(ui.locale(), w.minutesPerDay() < 10 ? "%.1f" : "%.0f", w.minutesPerDay());
        return w.studiedCards() > 0 ? m.workload(percent, reviews, minutes, w.studiedCards())
                : m.workload_new(percent, reviews, minutes, w.newCardsPerDay());
    }

    /** Simulated on request only (a second or so for a large collection), never on every visit. */
    private RetentionSection retention() {
        RetentionAdvice.Advice advice = retentionAdvice.advise(user.id());
        Messages msg = MessageBundles.get(Messages.class, Localized.Literal.of(ui.lang()));
        // a percentage, as the field takes it
        String value = SettingsInput.percent(advice.recommended().retention(), ui.lang()) + " %";
        String minutes = String.format(Locale.ROOT, "%.0f", advice.recommended().minutesPerDay());
        String chart = ParameterCharts.workload(advice.points(), advice.recommended(), msg.retention_chart_title(),
                msg.retention_chart_desc(), msg.retention_point(value, minutes), msg.retention_chart_x());
        return new RetentionSection(value, minutes, chart);
    }

    private ParametersSection section(String notice, long retryAfter) {
        FitViews.Parameters p = fits.parameters(user.id());
        Messages msg = MessageBundles.get(Messages.class, Localized.Literal.of(ui.lang()));
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", ui.locale())
                .withZone(ZoneId.of(settings.get(user.id()).timeZone()));
        List<HistoryRow> rows = p.history().stream().map(c -> new HistoryRow(when.format(c.from()),
                switch (c.source()) {
                    case "fit" -> msg.params_source_fit();
                    case "restore" -> msg.params_source_restore();
                    default -> msg.params_source_settings();
                }, c.parameters() == null ? msg.params_vector_defaults() : vector(c.parameters()))).toList();
        String known = notice != null && List.of("applied", "kept", "restored", "busy", "nothing").contains(notice)
                ? notice : null;
        return new ParametersSection(p, rows, known, Math.max(1, retryAfter));
    }

    static String vector(List<Double> w) {
        return w.stream().map(v -> String.format(Locale.ROOT, "%.4f", v)).collect(Collectors.joining(", "));
    }

    // ---- personal parameters: post/redirect/get around FitService ----------------------------------------------

    @POST
    @Path("parameters/optimize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response optimize() {
        try {
            FitViews.Fit fit = fits.start(user.id());
            return Response.seeOther(URI.create("/settings/parameters/" + fit.id())).build();
        } catch (FitProblem e) {
            if (e.kind() == FitProblem.Kind.BUSY) {
                return Response.seeOther(URI.create("/settings?notice=busy&retryAfter=" + e.retryAfterSeconds()))
                        .header("Retry-After", Long.toString(e.retryAfterSeconds())).build();
            }
            throw e;
        }
    }

    @GET
    @Path("parameters/{id}")
    public TemplateInstance fit(@PathParam("id") String id) {
        FitViews.Fit fit = fitOrNotFound(id);
        Messages msg = MessageBundles.get(Messages.class, Localized.Literal.of(ui.lang()));
        String chart = null;
        if (fit.done() && fit.fittedParameters() != null) {
            chart = ParameterCharts.forgettingCurves(parameters(fit.currentParameters()),
                    parameters(fit.fittedParameters()), new ParameterCharts.Labels(msg.fit_chart_title(),
                            msg.fit_chart_desc(), msg.fit_current(), msg.fit_fitted(), msg.fit_chart_after_good(),
                            msg.fit_chart_after_again(), msg.fit_chart_days()));
        }
        return Templates.fit(new FitPage(fit,
                fit.current() == null ? null : metric(fit.current().logLoss()),
                fit.current() == null ? null : metric(fit.current().rmseBins()),
                fit.fitted() == null ? null : metric(fit.fitted().logLoss()),
                fit.fitted() == null ? null : metric(fit.fitted().rmseBins()),
                vector(fit.currentParameters()), fit.fittedParameters() == null ? null : vector(fit.fittedParameters()),
                chart));
    }

    /** For the progress bar's script: {"status":"running","percent":42}. */
    @GET
    @Path("parameters/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> progress(@PathParam("id") String id) {
        FitViews.Fit fit = fitOrNotFound(id);
        return Map.of("status", fit.status(), "percent", fit.percent());
    }

    @POST
    @Path("parameters/{id}/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response apply(@PathParam("id") String id) {
        FitViews.Fit fit = fitOrNotFound(id);
        try {
            fits.apply(user.id(), fit.id());
        } catch (FitProblem e) {
            return Response.seeOther(URI.create("/settings/parameters/" + fit.id())).build();
        }
        return Response.seeOther(URI.create("/settings?notice=applied#parameters")).build();
    }

    @POST
    @Path("parameters/{id}/keep")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response keep(@PathParam("id") String id) {
        FitViews.Fit fit = fitOrNotFound(id);
        try {
            fits.keep(user.id(), fit.id());
        } catch (FitProblem e) {
            return Response.seeOther(URI.create("/settings/parameters/" + fit.id())).build();
        }
        return Response.seeOther(URI.create("/settings?notice=kept#parameters")).build();
    }

    @POST
    @Path("parameters/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore() {
        try {
            fits.restorePrevious(user.id());
        } catch (FitProblem e) {
            return Response.seeOther(URI.create("/settings?notice=nothing#parameters")).build();
        }
        return Response.seeOther(URI.create("/settings?notice=restored#parameters")).build();
    }

    private FitViews.Fit fitOrNotFound(String id) {
        try {
            return fits.view(user.id(), UUID.fromString(id));
        } catch (IllegalArgumentException | FitProblem e) {
            throw new NotFoundException();
        }
    }

    private static FsrsParameters parameters(List<Double> w) {
        return FsrsParameters.of(w.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String metric(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response save(@RestForm String language, @RestForm String desiredRetention, @RestForm String newCardsPerDay,
                         @RestForm String maxReviewsPerDay, @RestForm String timeZone, @RestForm String dayRolloverHour,
                         @RestForm String learnAheadMinutes, @RestForm String learningSteps,
                         @RestForm String relearningSteps) {
        StudySettings current = settings.get(user.id());
        // a form without a field (an older page) keeps the stored value
        Form form = new Form(language, desiredRetention, newCardsPerDay,
                maxReviewsPerDay == null ? Integer.toString(current.maxReviewsPerDay()) : maxReviewsPerDay, timeZone,
                dayRolloverHour,
                learnAheadMinutes == null ? Integer.toString(learnAhead.minutes(user.id())) : learnAheadMinutes,
                learningSteps == null ? SettingsInput.steps(current.learningStepsSeconds()) : learningSteps,
                relearningSteps == null ? SettingsInput.steps(current.relearningStepsSeconds()) : relearningSteps);
        // every field that cannot be read is named at once; then the service checks the whole (its first problem)
        Map<String, String> problems = new LinkedHashMap<>();
        if (!Languages.isSupported(language)) {
            problems.put("language", "one of " + Languages.SUPPORTED);
        }
        Double retention = read(problems, () -> SettingsInput.retention(form.desiredRetention()));
        Integer newCards = read(problems, () -> SettingsInput.wholeNumber("newCardsPerDay", form.newCardsPerDay()));
        Integer maxReviews = read(problems, () -> SettingsInput.wholeNumber("maxReviewsPerDay", form.maxReviewsPerDay()));
        Integer rollover = read(problems, () -> SettingsInput.wholeNumber("dayRolloverHour", form.dayRolloverHour()));
        Integer aheadMinutes = read(problems, () -> learnAheadMinutes(form.learnAheadMinutes()));
        List<Integer> learning = read(problems,
                () -> SettingsInput.steps(SettingsInput.LEARNING_STEPS, form.learningSteps()));
        List<Integer> relearning = read(problems,
                () -> SettingsInput.steps(SettingsInput.RELEARNING_STEPS, form.relearningSteps()));
        if (!problems.isEmpty()) {
            return refused(form, problems);
        }
        try {
            settings.update(user.id(), new StudySettings(retention, newCards, SettingsInput.timeZone(timeZone), rollover,
                    learning, relearning, current.maximumIntervalDays(), current.fsrsParameters(), maxReviews));
            settings.timeZoneConfirmed(user.id());
            learnAhead.setMinutes(user.id(), aheadMinutes);
        } catch (InvalidSettingsException e) {
            return refused(form, pageProblem(e, current));
        }
        User account = User.findById(user.id());
        account.language = language;
        return Response.seeOther(URI.create("/settings?saved=true")).cookie(LanguageResource.cookie(language)).build();
    }

    private static int learnAheadMinutes(String text) {
        int minutes = SettingsInput.wholeNumber("learnAheadMinutes", text);
        if (minutes < 0 || minutes > LearnAhead.MAX_MINUTES) {
            throw new InvalidSettingsException("learnAheadMinutes", "must be between 0 and " + LearnAhead.MAX_MINUTES
                    + ", got " + minutes);
        }
        return minutes;
    }

    /** The field's value, or null with its problem noted. */
    private static <T> T read(Map<String, String> problems, java.util.function.Supplier<T> field) {
        try {
            return field.get();
        } catch (InvalidSettingsException e) {
            problems.putIfAbsent(e.field(), why(e));
            return null;
        }
    }

    /** The service's problem on the page's field: steps are written, not counted in seconds, on the page. */
    private static Map<String, String> pageProblem(InvalidSettingsException e, StudySettings current) {
        return switch (e.field()) {
            case "learningStepsSeconds" -> Map.of(SettingsInput.LEARNING_STEPS, why(e));
            case "relearningStepsSeconds" -> Map.of(SettingsInput.RELEARNING_STEPS, why(e));
            // only the relearning steps can break the ceiling here: the page does not change the parameters
            case "fsrsParameters" -> Map.of(SettingsInput.RELEARNING_STEPS, "at most "
                    + SettingsInput.mostRelearningSteps(current.fsrsParameters())
                    + " relearning steps with your personal FSRS parameters");
            default -> Map.of(e.field(), why(e));
        };
    }

    /** The message is "field: why". */
    private static String why(InvalidSettingsException e) {
        return e.getMessage().substring(e.field().length() + 2);
    }

    private Response refused(Form form, Map<String, String> problems) {
        Map<String, String> said = new LinkedHashMap<>();
        problems.forEach((field, english) -> said.put(field, SettingsTexts.page(english, ui.lang())));
        return Response.status(422).entity(Templates.settings(form, said, false, ZONES, false, workload(),
                section(null, 0), null)).build();
    }
}
