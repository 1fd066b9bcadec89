package io.demodeck.importer;

/** A file embedded in an import (Moodle XML base64 file, Anki media), stored in the {@code media} table. */
public record MediaFile(String name, String contentType, byte[] data) {

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
