package io.demodeck.platform;

import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * A body limit per REST method, enforced before the JSON or form reader sees a byte: a JSON reader turns a few
 * megabytes of {@code [{},{},…]} into thirty times as much heap, so the HTTP-wide limit (sized for imports) is no
 * protection for endpoints that need a few kilobytes. The limit comes from {@link BodyLimit} on the method or its
 * class, else {@link #DEFAULT_LIMIT}; multipart uploads are left to the import limits ({@link OversizeBodies}).
 * <ul>
 *   <li>A declared {@code Content-Length} over the limit is refused at once, unread.</li>
 *   <li>A body without a length (chunked, or HTTP/2) is read here, at most one byte past the limit, and handed on
 *       from memory; past the limit it is refused. On an event-loop thread nothing may block, so such a body is
 *       refused with 411 instead (every JSON endpoint of the app runs on a worker or virtual thread).</li>
 * </ul>
 * The 413 names the limit; the rest of a refused body is read and thrown away so the client sees the answer.
 */
public class RequestBodyLimits {

    /** Forms and JSON documents of endpoints that name no limit of their own. */
    public static final long DEFAULT_LIMIT = 64 * 1024;

    @Inject
    RoutingContext routing;

    @Inject
    OversizeBodies oversize;

    @ServerRequestFilter(priority = Priorities.USER - 100)
    public void refuseOversizedBody(ContainerRequestContext request, ResourceInfo resource) throws IOException {
        if (!mayHaveBody(request.getMethod()) || isMultipart(request.getMediaType())) {
            return;
        }
        long limit = limitOf(resource);
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                return; // not a length: the HTTP layer refuses it
            }
            if (declared > limit) {
                throw refuse(limit, declared);
            }
            return;
        }
        if (routing.request().isEnded()) {
            return; // no body at all
        }
        if (Context.isOnEventLoopThread()) {
            throw new ClientFacingException(411, "length-required", "Length Required",
                    "Send the request body with a Content-Length header (at most " + size(limit) + ")");
        }
        byte[] body = request.getEntityStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
        if (body.length > limit) {
            throw refuse(limit, null);
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private ClientFacingException refuse(long limit, Long declared) {
        oversize.drainAfterAnswer(routing);
        String what = declared == null ? "The request body is too large" : "The request body is too large (" + size(declared) + ")";
        return new ClientFacingException(413, "payload-too-large", "Payload Too Large",
                what + ": " + routing.request().method() + " " + routing.request().path() + " accepts at most "
                        + size(limit) + " (" + limit + " bytes)");
    }

    static long limitOf(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null && method.isAnnotationPresent(BodyLimit.class)) {
            return method.getAnnotation(BodyLimit.class).value();
        }
        Class<?> type = resource == null ? null : resource.getResourceClass();
        if (type != null && type.isAnnotationPresent(BodyLimit.class)) {
            return type.getAnnotation(BodyLimit.class).value();
        }
        return DEFAULT_LIMIT;
    }

    private static boolean mayHaveBody(String method) {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }

    private static boolean isMultipart(MediaType type) {
        return type != null && "multipart".equals(type.getType().toLowerCase(Locale.ROOT));
    }

    /** "4 KB", "256 KB", "7.5 MB" (binary units, like {@link OversizeBodies#megabytes}). */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return OversizeBodies.megabytes(bytes);
        }
        double kb = bytes / 1024.0;
        return (kb == Math.rint(kb) ? String.valueOf((long) kb) : String.format(Locale.ROOT, "%.1f", kb)) + " KB";
    }
}
