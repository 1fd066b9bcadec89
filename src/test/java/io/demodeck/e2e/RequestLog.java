package io.demodeck.e2e;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only: every request the app receives, as "METHOD /path", so a browser test can count the round trips. */
@ApplicationScoped
public class RequestLog {

    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

    void record(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            REQUESTS.add(ctx.request().method().name() + " " + ctx.request().path());
            ctx.next();
        });
    }

    static void clear() {
        REQUESTS.clear();
    }

    /** The requests since {@link #clear()} whose "METHOD /path" starts with {@code prefix}. */
    static List<String> startingWith(String prefix) {
        return REQUESTS.stream().filter(r -> r.startsWith(prefix)).toList();
    }
}
