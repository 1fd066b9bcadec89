package io.demodeck.account;

import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.ApiProblem;
import io.demodeck.web.LanguageResource;
import io.demodeck.web.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sign-in, registration and sign-out pages. Signing in is a form of this resource (so the CSRF filter checks
 * it like every other form) that starts a server-side session ({@link Sessions}).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String error, String username, String typed, boolean expired);

        static native TemplateInstance register(String username, String language, Map<String, String> errors);
    }

    @Inject
    AccountService accounts;

    @Inject
    CurrentUser currentUser;

    @Inject
    Sessions sessions;

    @Inject
    SignInGuard guard;

    @Inject
    Ui ui;

    @Inject
    jakarta.enterprise.inject.Instance<AfterSignIn> afterSignIn;

    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("error") String error, @QueryParam("registered") String registered,
                                  @QueryParam("username") String typed, @QueryParam("expired") boolean expired) {
        return Templates.login(error, registered, typed, expired);
    }

    /** Post/redirect/get: home with a session cookie, or back to the form with the reason. */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RunOnVirtualThread
    public Response signIn(@RestForm String username, @RestForm String password, @RestForm boolean remember,
                           @Context HttpServerRequest request) {
        String address = SignInGuard.clientAddress(request);
        guard.checkFormSignIn(address);
        String name = username == null ? "" : username.strip();
        guard.checkSignIn(name, address);
        var user = accounts.authenticate(name, password);
        if (user.isEmpty()) {
            guard.signInFailed(name, address);
            // the form comes back with the name as typed: only the password needs typing again
            return Response.seeOther(URI.create("/login?error=true&username="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8))).build();
        }
        guard.signInSucceeded(name, address);
        if (user.get().disabled()) {
            return Response.seeOther(URI.create("/login?error=disabled")).build();
        }
        NewCookie sessionCookie = startSession(user.get().id, remember, request);
        // back where the learner was when the session expired, e.g. with the answer they had just given applied
        for (AfterSignIn after : afterSignIn) {
            var next = after.afterSignIn(user.get().id, request);
            if (next.isPresent()) {
                List<NewCookie> cookies = new ArrayList<>(next.get().cookies());
                cookies.add(sessionCookie);
                return Response.seeOther(next.get().location()).cookie(cookies.toArray(NewCookie[]::new)).build();
            }
        }
        return Response.seeOther(URI.create("/")).cookie(sessionCookie).build();
    }

    /** A new server-side session and its cookie: persistent with "stay signed in", else it ends with the browser. */
    private NewCookie startSession(long userId, boolean remember, HttpServerRequest request) {
        Sessions.Started session = sessions.start(userId, remember, request.getHeader("User-Agent"));
        var cookie = new NewCookie.Builder(SessionAuthentication.COOKIE).value(session.token()).path("/")
                .httpOnly(true).secure("https".equals(request.scheme())).sameSite(NewCookie.SameSite.LAX);
        if (remember) {
            cookie.maxAge((int) session.lifetime().toSeconds()); // a persistent cookie; otherwise it ends with the browser
        }
        return cookie.build();
    }

    @GET
    @Path("register")
    public TemplateInstance registerForm() {
        return Templates.register("", ui.lang(), Map.of());
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RunOnVirtualThread
    public Response register(@RestForm String username, @RestForm String password,
                             @RestForm("password_confirm") String passwordConfirm, @RestForm String language,
                             @Context HttpServerRequest request) {
        String address = SignInGuard.clientAddress(request);
        guard.checkRegistration(address);
        String name = username == null ? "" : username.strip();
        AccountService.NewAccount account;
        try {
            // every field's problem at once: the rules, the confirmation and a name already taken
            List<ApiProblem.FieldError> problems = new ArrayList<>(AccountService.validate(name, password, language));
            if (password != null && !password.equals(passwordConfirm)) {
                problems.add(new ApiProblem.FieldError("password_confirm", "the two passwords differ"));
            }
            if (problems.stream().noneMatch(p -> p.field().equals("username")) && accounts.find(name).isPresent()) {
                problems.add(new ApiProblem.FieldError("username", "this username is taken"));
            }
            if (!problems.isEmpty()) {
                throw ClientFacingException.validation(problems);
            }
            account = accounts.register(name, password, language);
        } catch (ClientFacingException e) {
            if (e.status() != 422) {
                throw e;
            }
            guard.registrationFailed(address);
            Map<String, String> errors = e.fieldErrors().stream()
                    .collect(Collectors.toMap(ApiProblem.FieldError::field, ApiProblem.FieldError::message, (a, b) -> a));
            return Response.status(422).entity(Templates.register(name, language,
                    io.demodeck.platform.ErrorTexts.page(errors, ui.lang()))).build();
        }
        // post/redirect/get: the new learner is signed in and lands on the home page, in the language chosen for
        // the account
        return Response.seeOther(URI.create("/"))
                .cookie(startSession(account.id(), false, request), LanguageResource.cookie(account.language())).build();
    }

    /** Ends this session on the server (the cookie is worthless afterwards, wherever a copy of it is). */
    @POST
    @Path("logout")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @RunOnVirtualThread
    public Response logout() {
        Long session = currentUser.sessionId();
        if (session != null) {
            sessions.end(currentUser.id(), session);
        }
        return Response.seeOther(URI.create("/")).cookie(expired()).build();
    }

    static NewCookie expired() {
        return new NewCookie.Builder(SessionAuthentication.COOKIE).value("").path("/").httpOnly(true).maxAge(0).build();
    }
}
