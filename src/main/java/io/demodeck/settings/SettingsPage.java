package io.demodeck.settings;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.account.User;
import io.demodeck.review.InvalidSettingsException;
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

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The learner's settings: interface language and how cards are scheduled. */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class SettingsPage {

    /** What the form shows: the stored values, or what was typed when it was refused. */
    public record Form(String language, String desiredRetention, String newCardsPerDay, String timeZone,
                       String dayRolloverHour) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(Form form, Map<String, String> errors, boolean saved,
                                                List<String> zones);
    }

    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

    @Inject
    StudySettingsService settings;

    @Inject
    CurrentUser user;

    @Inject
    Ui ui;

    @GET
    public TemplateInstance show(@QueryParam("saved") boolean saved) {
        StudySettings s = settings.get(user.id());
        Form form = new Form(ui.lang(), Double.toString(s.desiredRetention()), Integer.toString(s.newCardsPerDay()),
                s.timeZone(), Integer.toString(s.dayRolloverHour()));
        return Templates.settings(form, Map.of(), saved, ZONES);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response save(@RestForm String language, @RestForm String desiredRetention, @RestForm String newCardsPerDay,
                         @RestForm String timeZone, @RestForm String dayRolloverHour) {
        Form form = new Form(language, desiredRetention, newCardsPerDay, timeZone, dayRolloverHour);
        if (!Languages.isSupported(language)) {
            return refused(form, "language", "one of " + Languages.SUPPORTED);
        }
        StudySettings current = settings.get(user.id());
        StudySettings wanted;
        try {
            wanted = new StudySettings(parseDouble(desiredRetention, "desiredRetention"),
                    parseInt(newCardsPerDay, "newCardsPerDay"), timeZone == null ? null : timeZone.strip(),
                    parseInt(dayRolloverHour, "dayRolloverHour"), current.learningStepsSeconds(),
                    current.relearningStepsSeconds(), current.maximumIntervalDays(), current.fsrsParameters());
            settings.update(user.id(), wanted);
        } catch (InvalidSettingsException e) {
            return refused(form, e.field(), e.getMessage().substring(e.field().length() + 2));
        }
        User account = User.findById(user.id());
        account.language = language;
        return Response.seeOther(URI.create("/settings?saved=true")).cookie(LanguageResource.cookie(language)).build();
    }

    private Response refused(Form form, String field, String message) {
        return Response.status(422).entity(Templates.settings(form, Map.of(field, message), false, ZONES)).build();
    }

    private static double parseDouble(String value, String field) {
        try {
            return Double.parseDouble(value == null ? "" : value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException(field, "must be a number");
        }
    }

    private static int parseInt(String value, String field) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException(field, "must be a whole number");
        }
    }
}
