package io.demodeck.settings;

import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SettingsPageTest {

    @Test
    void settingsAreSavedAndTheLanguageSwitches() {
        Browser b = new Browser();
        b.registerAndSignIn("se" + UUID.randomUUID().toString().substring(0, 8), "settings-123");
        b.open("/settings").then().statusCode(200)
                .body(containsString("name=\"desiredRetention\" type=\"text\" inputmode=\"decimal\" value=\"90\""))
                .body(containsString("name=\"timeZone\" type=\"text\" list=\"zone-list\""))
                .body(containsString("value=\"UTC\""))
                .body(containsString("data-preset-from-browser"))
                .body(containsString("name=\"learningSteps\" type=\"text\" value=\"1m 10m\""))
                .body(containsString("name=\"relearningSteps\" type=\"text\" value=\"10m\""))
                .body(containsString("name=\"maxReviewsPerDay\" type=\"text\" value=\"200\""))
                .body(matchesPattern("(?s).*<p id=\"retention-workload\" class=\"workload\">At 90 %: about [0-9.]+ reviews a day.*"));
        b.submit("/settings", "language", "ru", "desiredRetention", "85,5 %", "newCardsPerDay", "5",
                "timeZone", "europe/moscow", "dayRolloverHour", "3", "learningSteps", "30s 5m 1h",
                "relearningSteps", "", "maxReviewsPerDay", "150")
                .then().statusCode(303).header("Location", containsString("/settings?saved=true")).cookie("lang", "ru");
        b.open("/settings?saved=true").then().statusCode(200)
                .body(containsString("Настройки сохранены"))
                .body(containsString("value=\"85,5\""))
                .body(containsString("При 85,5 %: около"))
                .body(containsString("value=\"Europe/Moscow\""))
                .body(not(containsString("data-preset-from-browser")))
                .body(containsString("name=\"learningSteps\" type=\"text\" value=\"30s 5m 1h\""))
                .body(containsString("name=\"relearningSteps\" type=\"text\" value=\"\""))
                .body(containsString("name=\"maxReviewsPerDay\" type=\"text\" value=\"150\""))
                .body(containsString("value=\"3\""));
        // the new daily limit shows on the study page
        b.open("/study/goroutines-threads-processes").then().body(containsString("title=\"Новые\">5</span>"));
    }

    @Test
    void savingTheOldFormKeepsTheNewSettings() {
        Browser b = new Browser();
        b.registerAndSignIn("se" + UUID.randomUUID().toString().substring(0, 8), "settings-123");
        b.open("/settings");
        b.submit("/settings", "language", "en", "desiredRetention", "90", "newCardsPerDay", "5", "timeZone", "UTC",
                "dayRolloverHour", "4", "learningSteps", "2m", "relearningSteps", "3m 30m", "maxReviewsPerDay", "77")
                .then().statusCode(303);
        // a page opened before the new fields existed: retention as a fraction, no steps, no review limit
        b.submit("/settings", "language", "en", "desiredRetention", "0.9", "newCardsPerDay", "6", "timeZone", "UTC",
                "dayRolloverHour", "4").then().statusCode(303);
        b.open("/settings").then().body(containsString("name=\"learningSteps\" type=\"text\" value=\"2m\""))
                .body(containsString("name=\"relearningSteps\" type=\"text\" value=\"3m 30m\""))
                .body(containsString("name=\"maxReviewsPerDay\" type=\"text\" value=\"77\""))
                .body(containsString("name=\"newCardsPerDay\" type=\"text\" value=\"6\""));
    }

    @Test
    void badValuesAreRefusedEachNamedAtItsField() {
        Browser b = new Browser();
        b.registerAndSignIn("se" + UUID.randomUUID().toString().substring(0, 8), "settings-123");
        b.open("/settings");
        b.submit("/settings", "language", "en", "desiredRetention", "150", "newCardsPerDay", "many",
                "timeZone", "UTC", "dayRolloverHour", "4", "learningSteps", "1m 1d", "relearningSteps", "10 minutes",
                "maxReviewsPerDay", "10000").then().statusCode(422)
                .body(containsString("id=\"f-desiredRetention-error\" class=\"error\" role=\"alert\">must be between 70% and 99%, got 150%"))
                .body(containsString("id=\"f-newCardsPerDay-error\" class=\"error\" role=\"alert\">must be a whole number"))
                .body(containsString("id=\"f-learningSteps-error\" class=\"error\" role=\"alert\">step 2 (1d) must be at least 1s and shorter than a day"))
                .body(containsString("id=\"f-relearningSteps-error\" class=\"error\" role=\"alert\">&#39;10 minutes&#39; is not a step"))
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("value=\"150\"")).body(containsString("value=\"1m 1d\""));
        // what the service refuses (after every field could be read) is named at its field too
        b.submit("/settings", "language", "en", "desiredRetention", "90", "newCardsPerDay", "5",
                "timeZone", "UTC", "dayRolloverHour", "4", "maxReviewsPerDay", "10000").then().statusCode(422)
                .body(containsString("id=\"f-maxReviewsPerDay-error\" class=\"error\" role=\"alert\">must be between 0 and 9999, got 10000"));
        b.submit("/settings", "language", "en", "desiredRetention", "90", "newCardsPerDay", "5",
                "timeZone", "Mars/Olympus", "dayRolloverHour", "4").then().statusCode(422)
                .body(containsString("id=\"f-timeZone-error\" class=\"error\" role=\"alert\">must be an IANA time zone"));
        b.request().get("/lang/ru?back=/settings");
        b.open("/settings");
        b.submit("/settings", "language", "ru", "desiredRetention", "девяносто", "newCardsPerDay", "5",
                "timeZone", "UTC", "dayRolloverHour", "4", "learningSteps", "1m 1d").then().statusCode(422)
                .body(containsString(">введите процент, например 90<"))
                .body(containsString(">шаг 2 (1d) должен быть не меньше 1s и короче суток<"));
    }
}
