package io.demodeck.importer;

/** A file embedded in an import (Moodle XML base64 file, Anki media), stored in the {@code media} table. */
public record MediaFile(String name, String contentType, byte[] data) {

    /** What the files of one import may total. */
    public static final long MAX_BYTES_PER_IMPORT = 50L * 1024 * 1024;

    /** How stored names look: what {@link #storedName} makes of any name. */
    private static final java.util.regex.Pattern STORED_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}");

    /** A file name as the media table and its URLs hold it: letters, digits, '.', '_' and '-'. */
    public static String storedName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public static boolean isStoredName(String name) {
        return name != null && STORED_NAME.matcher(name).matches();
    }

    public static String contentTypeOf(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        return switch (ext) {
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "mp3" -> "audio/mpeg";
            case "ogg", "oga" -> "audio/ogg";
            case "wav" -> "audio/wav";
            case "m4a" -> "audio/mp4";
            case "mp4" -> "video/mp4";
            case "webm" -> "video/webm";
            // svg can carry scripts: served as a download, never inline
            default -> "application/octet-stream";
        };
    }
}
