package io.demodeck.api;

import io.demodeck.platform.ClientFacingException;
import io.demodeck.web.Languages;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
        return firstSupported(headers.getAcceptableLanguages()).orElse(Languages.DEFAULT);
    }

    /**
     * The language of a problem's field messages: {@code ?lang=} and Accept-Language as for the content (an
     * unsupported {@code lang} is passed over: it is itself reported), else English, the language of the problem's
     * title and detail.
     */
    static String ofMessages(String lang, String acceptLanguage) {
        if (Languages.isSupported(lang)) {
            return lang;
        }
        List<Locale> acceptable;
        try {
            acceptable = acceptLanguage == null ? List.of() : Locale.LanguageRange.parse(acceptLanguage).stream()
                    .filter(range -> range.getWeight() > 0).map(range -> Locale.forLanguageTag(range.getRange())).toList();
        } catch (IllegalArgumentException e) {
            acceptable = List.of(); // a malformed header asks for nothing
        }
        return firstSupported(acceptable).orElse("en");
    }

    private static Optional<String> firstSupported(List<Locale> acceptable) {
        return acceptable.stream().map(Locale::getLanguage).filter(Languages::isSupported).findFirst();
    }
}
