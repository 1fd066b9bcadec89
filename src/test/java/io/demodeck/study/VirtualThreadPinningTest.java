package io.demodeck.study;

import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The study loop (show a card, reveal it, grade it, the next card) runs on virtual threads; a blocking call made while
 * the virtual thread is pinned to its carrier (inside {@code synchronized} on JDK 21-23, a native frame or a class
 * initializer on any JDK) holds a carrier thread for the whole wait. JFR's {@code jdk.VirtualThreadPinned} event
 * reports every such park on JDK 21 and later ({@code -Djdk.tracePinnedThreads} was removed in JDK 24), so this test
 * fails when one happens in DemoDeck's code on the hot paths.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VirtualThreadPinningTest {

    static final String DECK = "/study/goroutines-threads-processes";

    @Test
    void theStudyLoopNeverParksAPinnedVirtualThread() throws Exception {
        List<RecordedEvent> pinned = new CopyOnWriteArrayList<>();
        try (RecordingStream jfr = new RecordingStream()) {
            jfr.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            jfr.onEvent("jdk.VirtualThreadPinned", pinned::add);
            jfr.startAsync();
            Browser b = new Browser();
            b.registerAndSignIn("pin" + UUID.randomUUID().toString().substring(0, 8), "study-hard-123");
            for (int i = 0; i < 5; i++) {
                String page = b.open(DECK).then().statusCode(200).extract().asString();
                String question = field(page, "question");
                String rid = field(page, "rid");
                b.submit(DECK + "/answer", "question", question, "rid", rid).then().statusCode(200);
                b.submit(DECK + "/grade", "question", question, "rid", rid, "rating", 3).then().statusCode(303);
            }
            jfr.stop(); // flushes: every event of the requests above has been delivered
        }
        List<String> ours = pinned.stream().filter(VirtualThreadPinningTest::inOurCode)
                .map(e -> e.getStackTrace() == null ? "(no stack)" : e.getStackTrace().getFrames().stream()
                        .limit(30).map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName())
                        .collect(Collectors.joining("\n  ")))
                .toList();
        assertTrue(ours.isEmpty(), "virtual threads parked while pinned:\n" + String.join("\n\n", ours));
    }

    private static boolean inOurCode(RecordedEvent e) {
        if (e.getStackTrace() == null) {
            return false;
        }
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            if (f.getMethod().getType().getName().startsWith("io.demodeck.")) {
                return true;
            }
        }
        return false;
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }
}
