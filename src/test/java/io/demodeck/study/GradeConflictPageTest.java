package io.demodeck.study;

import io.agroal.api.AgroalDataSource;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A grade whose card keeps changing under every retry (other devices answering at the same moment) answers the study
 * page with a 409 page that says to try again, not an internal error.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class GradeConflictPageTest {

    static final String DECK = "/study/goroutines-threads-processes";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCardThatKeepsChangingAsksToTryAgain() throws SQLException {
        String username = "conflict" + UUID.randomUUID().toString().substring(0, 8);
        Browser b = new Browser();
        b.registerAndSignIn(username, "study-hard-123");
        String page = b.open(DECK).then().statusCode(200).extract().asString();
        long questionId = Long.parseLong(field(page, "question"));
        String rid = field(page, "rid");
        String name = "lose_every_race_" + username;
        // every update of this learner's cards is skipped, as if another device had moved the card first each time
        execute("""
                create function %1$s() returns trigger language plpgsql as $$
                begin
                    if new.user_id = (select id from app_user where username = '%2$s') then return null; end if;
                    return new;
                end $$""".formatted(name, username));
        execute("create trigger %1$s before update on card for each row execute function %1$s()".formatted(name));
        try {
            b.submit(DECK + "/grade", "question", questionId, "rid", rid, "rating", 3).then()
                    .statusCode(409)
                    .header("Retry-After", "1")
                    .contentType(containsString("text/html"))
                    .body(containsString("try again"));
        } finally {
            execute("drop trigger %1$s on card".formatted(name));
            execute("drop function %1$s()".formatted(name));
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }
}
