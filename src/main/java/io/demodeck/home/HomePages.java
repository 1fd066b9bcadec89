package io.demodeck.home;

import io.demodeck.account.CurrentUser;
import io.demodeck.deck.DeckAccess;
import io.demodeck.review.ReviewService.QueueCounts;
import io.demodeck.review.StudyQueue;
import io.demodeck.study.StudyClock;
import io.demodeck.web.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The home page: the decks that concern the visitor, by section (my decks, my classes' decks, decks I study, public
 * decks; anonymous visitors: public decks only), each deck once; for a signed-in learner today's new, learning and due
 * counts of every deck; a search by title or tag ({@code ?q=}).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RunOnVirtualThread
public class HomePages {

    /** The longest search text taken; longer ones are cut (a title or tag is never that long). */
    static final int MAX_QUERY = 100;

    /** A deck of the page; {@code counts} is null for anonymous visitors. */
    public record HomeDeck(HomeDecks.Row deck, QueueCounts counts) {
    }

    /** A section of the page with its decks; {@code key} names its heading (mine, classes, studied, public). */
    public record HomeSection(String key, List<HomeDeck> decks) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<HomeSection> sections, String query);
    }

    @Inject
    HomeDecks decks;

    @Inject
    StudyQueue queue;

    @Inject
    StudyClock clock;

    @Inject
    Ui ui;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance home(@QueryParam("q") String q) {
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        DeckAccess.Viewer viewer = DeckAccess.Viewer.of(user);
        Map<HomeDecks.Section, List<HomeDecks.Row>> bySection = decks.decks(viewer, ui.lang(), query);
        Map<Long, QueueCounts> counts = viewer.userId() == null ? Map.of()
                : queue.countsOfDecks(viewer.userId(),
                        bySection.values().stream().flatMap(List::stream).map(HomeDecks.Row::id).toList(), clock.now());
        List<HomeSection> sections = new ArrayList<>();
        bySection.forEach((section, rows) -> {
            if (!rows.isEmpty()) {
                sections.add(new HomeSection(section.name().toLowerCase(java.util.Locale.ROOT),
                        rows.stream().map(r -> new HomeDeck(r, counts.get(r.id()))).toList()));
            }
        });
        return Templates.home(sections, query);
    }
}
