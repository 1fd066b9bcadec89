package io.demodeck.settings;

import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SettingsPageTest {

    @Test
    void settingsAreSavedAndTheLanguageSwitches() {
        Browser b = new Browser();
        b.registerAndSignIn("se" + UUID.randomUUID().toString().substring(0, 8), "settings-123");
        b.open("/settings").then().statusCode(200).body(containsString("value=\"0.9\""))
                .body(containsString("<option value=\"UTC\" selected>"));
        b.submit("/settings", "language", "ru", "desiredRetention", "0,85", "newCardsPerDay", "5",
                "timeZone", "Europe/Moscow", "dayRolloverHour", "3")
                .then().statusCode(303).header("Location", containsString("/settings?saved=true")).cookie("lang", "ru");
        b.open("/settings?saved=true").then().statusCode(200)
                .body(containsString("Настройки сохранены"))
                .body(containsString("value=\"0.85\""))
                .body(containsString("<option value=\"Europe/Moscow\" selected>"))
                .body(containsString("value=\"3\""));
        // the new daily limit shows on the study page
        b.open("/study/goroutines-threads-processes").then().body(containsString("title=\"Новые\">5</span>"));
    }

    @Test
    void badValuesAreRefusedWithTheFieldMarked() {
        Browser b = new Browser();
        b.registerAndSignIn("se" + UUID.randomUUID().toString().substring(0, 8), "settings-123");
        b.open("/settings");
        b.submit("/settings", "language", "en", "desiredRetention", "1.5", "newCardsPerDay", "5",
                "timeZone", "UTC", "dayRolloverHour", "4").then().statusCode(422)
                .body(containsString("aria-invalid=\"true\"")).body(containsString("must be between 0.70 and 0.99"))
                .body(containsString("value=\"1.5\""));
        b.submit("/settings", "language", "en", "desiredRetention", "0.9", "newCardsPerDay", "5",
                "timeZone", "Mars/Olympus", "dayRolloverHour", "4").then().statusCode(422)
                .body(containsString("IANA time zone"));
        b.submit("/settings", "language", "en", "desiredRetention", "0.9", "newCardsPerDay", "many",
                "timeZone", "UTC", "dayRolloverHour", "4").then().statusCode(422)
                .body(containsString("must be a whole number"));
    }
}
