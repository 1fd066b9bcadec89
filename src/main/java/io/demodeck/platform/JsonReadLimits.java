package io.demodeck.platform;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Bounds on what the application's ObjectMapper (request bodies, stored import reports) will parse. The body limits
 * ({@link RequestBodyLimits}) keep request documents small before any parsing; these bounds are the second line for
 * what gets past them: a deeply nested or token-dense document fails fast instead of growing a large object graph.
 * They sit well above every legitimate document: the largest is a stored import report (at most 1,000 problems),
 * then a review batch of 500 answers.
 */
@Singleton
public class JsonReadLimits implements ObjectMapperCustomizer {

    static final long MAX_DOCUMENT_BYTES = 8L * 1024 * 1024;
    static final int MAX_NESTING_DEPTH = 64;
    static final long MAX_TOKENS = 200_000;
    static final int MAX_STRING_CHARS = 1_000_000;
    static final int MAX_NUMBER_DIGITS = 100;
    static final int MAX_NAME_CHARS = 1_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(MAX_DOCUMENT_BYTES)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxTokenCount(MAX_TOKENS)
                .maxStringLength(MAX_STRING_CHARS)
                .maxNumberLength(MAX_NUMBER_DIGITS)
                .maxNameLength(MAX_NAME_CHARS)
                .build());
    }

    /**
     * A copy of the application's mapper for a whole uploaded file (an import) instead of a request body: the
     * document may be as large as the file limit, and one string as long as its base64 (a JSON export carries each
     * of its files as one string). The other bounds stay those of the request bodies, so a deeply nested or
     * token-dense file still fails fast with the parser's limit error.
     */
    public static ObjectMapper forFiles(ObjectMapper application, long maxFileBytes) {
        ObjectMapper files = application.copy();
        files.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(maxFileBytes)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxTokenCount(Math.max(MAX_TOKENS, maxFileBytes / 8))
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxFileBytes / 3 * 4 + 4))
                .maxNumberLength(MAX_NUMBER_DIGITS)
                .maxNameLength(MAX_NAME_CHARS)
                .build());
        return files;
    }
}
