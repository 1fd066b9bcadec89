package io.demodeck.api;

import io.demodeck.platform.ClientFacingException;
import io.demodeck.web.Languages;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Locale;

/** The content language of an API response: {@code ?lang=}, else the first supported Accept-Language, else ru. */
public final class ApiLanguage {

    private ApiLanguage() {
    }

    public static String pick(String lang, HttpHeaders headers) {
        if (lang != null && !lang.isBlank()) {
            if (!Languages.isSupported(lang)) {
                throw ClientFacingException.validation("lang", "one of " + Languages.SUPPORTED);
            }
            return lang;
        }
        for (Locale locale : headers.getAcceptableLanguages()) {
            if (Languages.isSupported(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return Languages.DEFAULT;
    }
}
