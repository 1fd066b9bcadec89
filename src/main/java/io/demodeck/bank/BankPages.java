package io.demodeck.bank;

import io.demodeck.deck.DeckAccess;
import io.demodeck.web.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** HTML pages of the bank (the deck list is the home page, io.demodeck.home): one deck's questions, one question with its answer. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RunOnVirtualThread
public class BankPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deck(BankViews.DeckSummary deck, List<BankViews.QuestionSummary> questions);

        static native TemplateInstance question(BankViews.QuestionDetail q);
    }

    @Inject
    BankQueries queries;

    @Inject
    Ui ui;

    @Inject
    io.demodeck.account.CurrentUser user;

    private DeckAccess.Viewer viewer() {
        return DeckAccess.Viewer.of(user);
    }

    @GET
    @Path("decks/{deck}")
    public TemplateInstance deck(@PathParam("deck") String deckId) {
        BankViews.DeckSummary deck = queries.visibleDeck(viewer(), deckId, ui.lang()).orElseThrow(NotFoundException::new);
        return Templates.deck(deck, queries.questions(deck.id(), ui.lang()));
    }

    @GET
    @Path("decks/{deck}/questions/{question}")
    public TemplateInstance question(@PathParam("deck") String deckId, @PathParam("question") String questionId) {
        return Templates.question(queries.question(viewer(), deckId, questionId, ui.lang()).orElseThrow(NotFoundException::new));
    }
}
