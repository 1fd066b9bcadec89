package io.demodeck.importer;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Files previewed in the browser, kept until the instructor confirms, so the confirm form does not upload them
 * again. Keyed by the file's SHA-256, bounded in count and bytes, 30 minutes each; the oldest go first.
 * One node only: behind a load balancer the confirm may land elsewhere and simply asks for the file again.
 */
@ApplicationScoped
public class PendingUploads {

    static final Duration TTL = Duration.ofMinutes(30);
    static final int MAX_FILES = 32;
    static final long MAX_BYTES = 128L * 1024 * 1024;

    public record Upload(byte[] data, String fileName, Instant expires) {
    }

    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private long bytes;

    public synchronized String put(byte[] data, String fileName) {
        evictExpired();
        String key = ImportService.sha256(data);
        Upload old = uploads.remove(key);
        if (old != null) {
            bytes -= old.data().length;
        }
        while (!uploads.isEmpty() && (uploads.size() >= MAX_FILES || bytes + data.length > MAX_BYTES)) {
            Iterator<Map.Entry<String, Upload>> oldest = uploads.entrySet().iterator();
            bytes -= oldest.next().getValue().data().length;
            oldest.remove();
        }
        uploads.put(key, new Upload(data, fileName, Instant.now().plus(TTL)));
        bytes += data.length;
        return key;
    }

    public synchronized Optional<Upload> get(String key) {
        evictExpired();
        return Optional.ofNullable(key == null ? null : uploads.get(key));
    }

    public synchronized void remove(String key) {
        Upload old = uploads.remove(key);
        if (old != null) {
            bytes -= old.data().length;
        }
    }

    private void evictExpired() {
        Instant now = Instant.now();
        Iterator<Map.Entry<String, Upload>> it = uploads.entrySet().iterator();
        while (it.hasNext()) {
            Upload u = it.next().getValue();
            if (u.expires().isBefore(now)) {
                bytes -= u.data().length;
                it.remove();
            }
        }
    }
}
