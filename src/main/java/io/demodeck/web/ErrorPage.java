package io.demodeck.web;

import io.demodeck.platform.ApiProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;

/** The HTML error page (the API answers problem+json instead). */
public final class ErrorPage {

    @CheckedTemplate(basePath = "ErrorPage")
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail,
                                             List<ApiProblem.FieldError> errors);
    }

    private ErrorPage() {
    }

    public static TemplateInstance render(int status, String title, String detail,
                                          List<ApiProblem.FieldError> errors) {
        return Templates.error(status, title, detail, errors);
    }
}
