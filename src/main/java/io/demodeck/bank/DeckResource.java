package io.demodeck.bank;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.demodeck.api.ApiLanguage;
import io.demodeck.platform.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demodeck.account.Role;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.ApiProblem;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The question bank for clients: decks, and every question of a deck with its answer, page by page. */
@Path("/api/v1")
@Tag(name = "Decks", description = "Question decks and their questions, localized (ru, en)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class DeckResource {

    static final int MAX_PAGE = 200;

    /** @param nextCursor pass as {@code cursor} for the next page; null on the last page */
    public record QuestionPage(List<BankViews.QuestionDetail> items, String nextCursor) {
    }

    @Inject
    BankQueries bank;

    @Inject
    ObjectMapper json;

    @Inject
    io.demodeck.account.CurrentUser user;

    @GET
    @Path("decks")
    @Operation(summary = "List decks", description = "Every deck the caller may see and that concerns them (their own, co-edited, their classes', public) with its title and description in the chosen "
            + "language (?lang=, else Accept-Language; `fallback` is true when the text is in the deck's original "
            + "language instead) and its number of active questions.")
    @APIResponse(responseCode = "200", description = "The decks",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = BankViews.DeckSummary.class)))
    public List<BankViews.DeckSummary> decks(@QueryParam("lang") @Parameter(description = "ru or en") String lang,
                                             @Context HttpHeaders headers) {
        return bank.decks(io.demodeck.deck.DeckAccess.Viewer.of(user), ApiLanguage.pick(lang, headers));
    }

    @GET
    @Path("decks/{deck}/questions")
    @Operation(summary = "A deck's questions, page by page",
            description = "Questions in deck order with prompts, answers, key points, choices and quiz keys as "
                    + "sanitised HTML, so the app can study offline. Pages are linked by an opaque cursor. Every "
                    + "page has an ETag: send it back in If-None-Match to get 304 when nothing changed.")
    @APIResponse(responseCode = "200", description = "A page of questions",
            content = @Content(schema = @Schema(implementation = QuestionPage.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "The cursor is malformed or no longer valid (the question it "
            + "points at was removed); start again without a cursor",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such deck, or one the caller may not see",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response questions(@PathParam("deck") @Parameter(description = "the deck's externalId", example = "goroutines-threads-processes") String deck,
                              @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
                              @QueryParam("limit") @Parameter(description = "1 to 200, default 50")
                              @Min(1) @Max(MAX_PAGE) Integer limit,
                              @QueryParam("lang") @Parameter(description = "ru or en") String lang,
                              @Context HttpHeaders headers, @Context Request request) {
        int size = limit == null ? 50 : limit;
        List<BankViews.QuestionDetail> all = bank.questionDetails(io.demodeck.deck.DeckAccess.Viewer.of(user), deck, ApiLanguage.pick(lang, headers))
                .orElseThrow(() -> ClientFacingException.notFound("Deck " + deck));
        int from = cursor == null || cursor.isBlank() ? 0 : positionAfter(all, cursor);
        int to = Math.min(all.size(), from + size);
        QuestionPage page = new QuestionPage(all.subList(from, to), to < all.size() ? encode(all.get(to - 1).id()) : null);

        EntityTag etag = etag(page);
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        revalidate.setPrivate(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.cacheControl(revalidate).build();
        }
        return Response.ok(page).tag(etag).cacheControl(revalidate).header("Vary", "Accept-Language").build();
    }

    /** The index after the question the cursor names. */
    private static int positionAfter(List<BankViews.QuestionDetail> all, String cursor) {
        long questionId;
        try {
            questionId = Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ClientFacingException.badRequest("The cursor is malformed; start again without one");
        }
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == questionId) {
                return i + 1;
            }
        }
        throw ClientFacingException.badRequest("The cursor is no longer valid (the deck changed); start again without one");
    }

    private static String encode(long questionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(questionId).getBytes(StandardCharsets.UTF_8));
    }

    private EntityTag etag(QuestionPage page) {
        try {
            return new EntityTag(HexFormat.of().formatHex(Sha256.digest(json.writeValueAsBytes(page)), 0, 16));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
