package io.demodeck.importer;

/**
 * One uploaded file and the instructor's choices.
 *
 * @param format null or "detect" to detect it from the content and the name
 * @param userId who uploads; null until accounts exist
 */
public record ImportRequest(byte[] data, String fileName, String format, ImportOptions options, Long userId) {
}
