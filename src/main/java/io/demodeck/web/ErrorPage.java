package io.demodeck.web;

import io.demodeck.platform.ApiProblem;
import io.demodeck.platform.ErrorTexts;
import io.quarkus.arc.Arc;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;

/** The HTML error page (the API answers problem+json instead), in the visitor's language. */
public final class ErrorPage {

    @CheckedTemplate(basePath = "ErrorPage")
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail,
                                             List<ApiProblem.FieldError> errors);
    }

    private ErrorPage() {
    }

    /** {@code title}, {@code detail} and the field errors are the English problem texts; a Russian page says them in Russian. */
    public static TemplateInstance render(int status, String title, String detail,
                                          List<ApiProblem.FieldError> errors) {
        String lang = lang();
        if (!"ru".equals(lang)) {
            return Templates.error(status, title, detail, errors);
        }
        return Templates.error(status, ErrorTexts.title(status, lang), ErrorTexts.page(detail, lang), errors.stream()
                .map(e -> new ApiProblem.FieldError(e.field(), ErrorTexts.page(e.message(), lang))).toList());
    }

    private static String lang() {
        var container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return Languages.DEFAULT;
        }
        return container.instance(Ui.class).get().lang();
    }
}
