package io.demodeck.importer;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.demodeck.importer.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class PendingUploadsTest {

    @Inject
    PendingUploads pending;

    @Inject
    AccountService accounts;

    private long instructor() {
        return accounts.create("p" + UUID.randomUUID().toString().substring(0, 8), "pending-pass-1", Role.INSTRUCTOR, "en").id();
    }

    @Test
    void anUploadWaitsForItsOwnerOnly() {
        long owner = instructor();
        long other = instructor();
        String token = pending.put(owner, utf8("Q?{T}"), "q.gift");
        PendingUploads.Upload upload = pending.get(owner, token).orElseThrow();
        assertArrayEquals(utf8("Q?{T}"), upload.data());
        assertEquals("q.gift", upload.fileName());
        assertTrue(pending.get(other, token).isEmpty(), "another instructor cannot apply it");
        pending.remove(owner, token);
        assertTrue(pending.get(owner, token).isEmpty());
    }

    @Test
    void eachInstructorKeepsAtMostFiveAndTheOldestGoFirst() {
        long owner = instructor();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i <= PendingUploads.MAX_PER_USER; i++) {
            tokens.add(pending.put(owner, utf8("file " + i), i + ".txt"));
        }
        assertTrue(pending.get(owner, tokens.getFirst()).isEmpty(), "the oldest made room");
        for (String t : tokens.subList(1, tokens.size())) {
            assertTrue(pending.get(owner, t).isPresent());
        }
    }
}
