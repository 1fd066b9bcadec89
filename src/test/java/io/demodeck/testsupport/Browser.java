package io.demodeck.testsupport;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * A REST Assured client that behaves like a browser for form pages: keeps cookies, and reads the CSRF
 * token from the last page so forms can be posted the way a user would.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private final CookieFilter cookies = new CookieFilter();
    private String csrf;

    public RequestSpecification request() {
        return given().filter(cookies).redirects().follow(false);
    }

    /** GET a page and remember its CSRF token. */
    public Response open(String path) {
        Response page = request().get(path);
        Matcher m = CSRF.matcher(page.asString());
        if (m.find()) {
            csrf = m.group(1);
        }
        return page;
    }

    /** POST a form from the last opened page, with its CSRF token. */
    public Response submit(String path, Object... nameValues) {
        RequestSpecification spec = request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        if (csrf != null) {
            spec = spec.formParam("csrf-token", csrf);
        }
        for (int i = 0; i < nameValues.length; i += 2) {
            spec = spec.formParam(nameValues[i].toString(), nameValues[i + 1]);
        }
        return spec.post(path);
    }

    /** Registers and signs in a new learner; returns its name. */
    public String registerAndSignIn(String username, String password) {
        open("/register");
        Response registered = submit("/register", "username", username, "password", password,
                "password_confirm", password, "language", "en");
        if (registered.statusCode() != 303) {
            throw new AssertionError("registration failed: " + registered.statusCode() + " " + registered.asString());
        }
        signIn(username, password);
        return username;
    }

    public Response signIn(String username, String password) {
        open("/login");
        return request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
    }
}
