package io.demodeck.testsupport;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.InetAddress;
import java.net.UnknownHostException;
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
    private RestAssuredConfig config;

    public RequestSpecification request() {
        RequestSpecification spec = given().filter(cookies).redirects().follow(false);
        return config == null ? spec : spec.config(config);
    }

    /**
     * This browser's requests leave from another loopback address (127.0.0.2, ...), so that tests can play
     * clients at different addresses.
     */
    public Browser from(String loopbackAddress) {
        config = fromAddress(loopbackAddress);
        return this;
    }

    /** A REST Assured configuration whose connections leave from the given local address. */
    public static RestAssuredConfig fromAddress(String localAddress) {
        try {
            return RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.route.local-address", InetAddress.getByName(localAddress)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(localAddress, e);
        }
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

    /** A multipart form from the last opened page, with its CSRF token as a part. */
    public RequestSpecification multipart() {
        RequestSpecification spec = request();
        return csrf == null ? spec : spec.multiPart("csrf-token", csrf);
    }

    /** Registers a new learner, which signs it in (the sign-in form again is harmless); returns its name. */
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

    /** Signs in through the sign-in form (with its CSRF token); a success is a 303 to / with the session cookie. */
    public Response signIn(String username, String password) {
        open("/login");
        return submit("/login", "username", username, "password", password);
    }

    /** The same, ticking "stay signed in". */
    public Response signInRemembered(String username, String password) {
        open("/login");
        return submit("/login", "username", username, "password", password, "remember", "true");
    }
}
