package io.demodeck.platform;

import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SecurityHeadersTest {

    @Test
    void pagesRedirectsErrorsAndFilesCarryTheSecurityHeaders() {
        for (String path : List.of("/", "/login", "/decks/goroutines-threads-processes", "/settings", "/no-such-page",
                "/css/app.css", "/js/study.js")) {
            Response r = given().redirects().follow(false).get(path);
            String csp = r.header("Content-Security-Policy");
            assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY, csp, path + " (" + r.statusCode() + ")");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("img-src 'self' data:")
                    && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), csp);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
            assertEquals("same-origin", r.header("Referrer-Policy"), path);
        }
    }

    @Test
    void hstsOnlyOverTls() {
        // this test server speaks plain HTTP (whether a proxy's X-Forwarded-Proto counts is Quarkus' proxy setting)
        assertNull(given().get("/").header("Strict-Transport-Security"));
        MultiMap overTls = MultiMap.caseInsensitiveMultiMap();
        SecurityHeaders.apply(overTls, "/", "https");
        assertEquals("max-age=31536000", overTls.get("Strict-Transport-Security"));
        MultiMap plain = MultiMap.caseInsensitiveMultiMap();
        SecurityHeaders.apply(plain, "/", "http");
        assertNull(plain.get("Strict-Transport-Security"));
    }

    @Test
    void swaggerUiKeepsWorkingWithoutThePolicyItsInlineScriptsWouldBreak() {
        Response r = given().get("/q/swagger-ui/");
        assertEquals(200, r.statusCode());
        assertNull(r.header("Content-Security-Policy"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
    }

    /** The policy allows no inline script, event handler attribute or style attribute: none may creep back in. */
    @Test
    void noTemplateHasInlineScriptsHandlersOrStyles() throws IOException {
        Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|\\sstyle\\s*=|javascript:",
                Pattern.CASE_INSENSITIVE);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "resources", "templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = inline.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(file + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
