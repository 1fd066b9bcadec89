package io.demodeck.demo;

import io.demodeck.web.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;

/** HTML pages of the demos: the list, one demo, and one demo with a result (a plain form POST, no JavaScript). */
@Path("/demos")
@Produces(MediaType.TEXT_HTML)
@PermitAll
@RunOnVirtualThread
public class DemoPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<DemoViews.DemoView> demos);

        static native TemplateInstance demo(DemoViews.DemoView demo, DemoViews.ResultView result);
    }

    @Inject
    DemoService demos;

    @Inject
    Ui ui;

    @Inject
    HttpServerRequest request;

    @Context
    SecurityContext security;

    @GET
    public TemplateInstance list() {
        return Templates.list(demos.catalog().stream().map(d -> DemoViews.demo(d, ui.lang())).toList());
    }

    @GET
    @Path("{id}")
    public TemplateInstance demo(@PathParam("id") String id) {
        return Templates.demo(DemoViews.demo(find(id), ui.lang(), demos.go()), null);
    }

    @POST
    @Path("{id}/runs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance run(@PathParam("id") String id, @FormParam("preset") String preset) {
        DemoCatalog demo = find(id);
        DemoResult result = demos.run(demo, Preset.parse(preset), DemoClients.key(security, request));
        return Templates.demo(DemoViews.demo(demo, ui.lang(), demos.go()), DemoViews.result(result, ui.lang()));
    }

    /** Where this browser's run stands in the line (the page polls it while its form post waits). */
    @GET
    @Path("queue")
    @Produces(MediaType.APPLICATION_JSON)
    public RunGate.Position queue() {
        return demos.position(DemoClients.key(security, request));
    }

    private static DemoCatalog find(String id) {
        return DemoCatalog.byId(id).orElseThrow(NotFoundException::new);
    }
}
