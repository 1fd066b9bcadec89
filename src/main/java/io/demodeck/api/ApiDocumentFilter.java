package io.demodeck.api;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.List;

/**
 * Keeps the OpenAPI document to the JSON API. The HTML pages are JAX-RS resources too (in several feature
 * packages), so excluding packages would also drop API resources that live next to them.
 */
public class ApiDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<String> pages = openAPI.getPaths().getPathItems().keySet().stream()
                .filter(path -> !path.startsWith("/api/")).toList();
        pages.forEach(openAPI.getPaths()::removePathItem);
    }
}
