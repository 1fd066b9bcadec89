package io.demodeck.account;

import io.demodeck.platform.ApiException;
import io.demodeck.platform.ApiProblem;
import io.demodeck.web.LanguageResource;
import io.demodeck.web.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Sign-in, registration and sign-out pages. The sign-in form posts to Quarkus' {@code /j_security_check}. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, String registered);

        static native TemplateInstance register(String username, String language, Map<String, String> errors);
    }

    @Inject
    AccountService accounts;

    @Inject
    SecurityIdentity identity;

    @Inject
    Ui ui;

    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("error") boolean error, @QueryParam("registered") String registered) {
        return Templates.login(error, registered);
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
                             @RestForm("password_confirm") String passwordConfirm, @RestForm String language) {
        String name = username == null ? "" : username.strip();
        AccountService.NewAccount account;
        try {
            if (password != null && !password.equals(passwordConfirm)) {
                throw ApiException.validation("password_confirm", "the two passwords differ");
            }
            account = accounts.register(name, password, language);
        } catch (ApiException e) {
            if (e.status() != 422) {
                throw e;
            }
            Map<String, String> errors = e.fieldErrors().stream()
                    .collect(Collectors.toMap(ApiProblem.FieldError::field, ApiProblem.FieldError::message, (a, b) -> a));
            return Response.status(422).entity(Templates.register(name, language, errors)).build();
        }
        // post/redirect/get: the sign-in page greets the new account and has its name filled in
        // and the interface switches to the language chosen for the account
        return Response.seeOther(URI.create("/login?registered=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .cookie(LanguageResource.cookie(account.language())).build();
    }

    @POST
    @Path("logout")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response logout() {
        if (!identity.isAnonymous()) {
            FormAuthenticationMechanism.logout(identity);
        }
        return Response.seeOther(URI.create("/")).build();
    }
}
