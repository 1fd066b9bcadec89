package io.demodeck.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoints (compiled into the test classes, never the app) that fail as a bug in a resource would. */
@Path("/")
public class FailingTestResource {

    @GET
    @Path("test-only/fail")
    public String page() {
        throw new IllegalStateException("a bug in a page");
    }

    @GET
    @Path("api/test-only/fail")
    public String api() {
        throw new IllegalStateException("a bug in an API resource");
    }
}
