package io.demodeck.stats;

import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StatsPageTest {

    @Test
    void theChartsShowTodaysReviewsAndTheCardsStates() {
        Browser b = new Browser();
        b.registerAndSignIn("st" + UUID.randomUUID().toString().substring(0, 8), "stats-stats-1");
        for (int i = 0; i < 3; i++) {
            String page = b.open("/study/goroutines-threads-processes").asString();
            b.submit("/study/goroutines-threads-processes/grade", "question", field(page, "question"),
                    "rid", field(page, "rid"), "rating", 4, "durationMs", 1000).then().statusCode(303);
        }
        // the user's day: UTC with the 4:00 rollover (default settings)
        LocalDate studyDay = java.time.Instant.now().atZone(ZoneOffset.UTC).minusHours(4).toLocalDate();
        String html = b.open("/stats").then().statusCode(200)
                .body(containsString("id=\"chart-heatmap\""))
                .body(containsString("<title>3 reviews on " + studyDay + "</title>"))
                .body(containsString("id=\"chart-forecast\""))
                .body(containsString("id=\"chart-retention\""))
                .body(containsString("Current streak: 1 day in a row"))
                .extract().asString();
        assertEquals(4, count(html, "role=\"img\""), "four charts, each an image with a name");
        assertTrue(html.contains("<title>Review: 3</title>"), "three cards graduated to review with Easy");
    }

    @Test
    void theStreakCountsConsecutiveDaysUpToYesterday() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertEquals(2, StatsService.streak(Map.of(today.minusDays(1), 1, today.minusDays(2), 4, today.minusDays(4), 1), today));
        assertEquals(1, StatsService.streak(Map.of(today, 2), today));
        assertEquals(0, StatsService.streak(Map.of(today.minusDays(2), 2), today));
    }

    static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find());
        return m.group(1);
    }

    private static int count(String s, String needle) {
        return s.split(Pattern.quote(needle), -1).length - 1;
    }
}
