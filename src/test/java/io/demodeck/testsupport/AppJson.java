package io.demodeck.testsupport;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.demodeck.platform.JsonReadLimits;

/**
 * For plain unit tests of parsers and exporters, which run without the application: a mapper set up as Quarkus
 * sets up the application's (its modules and defaults, then {@link JsonReadLimits}), and its copy for import files.
 */
public final class AppJson {

    public static final ObjectMapper MAPPER = application();

    /** The import service's mapper for a file of at most 20 MB (the configured import limit). */
    public static final ObjectMapper FILES = JsonReadLimits.forFiles(MAPPER, 20L * 1024 * 1024);

    private AppJson() {
    }

    private static ObjectMapper application() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        new JsonReadLimits().customize(mapper);
        return mapper;
    }
}
