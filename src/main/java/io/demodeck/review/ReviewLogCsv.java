package io.demodeck.review;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** The learner's review history as the CSV that FSRS optimizers read. */
@ApplicationScoped
public class ReviewLogCsv {

    @Inject
    CardStore store;

    /** See {@link ReviewService#exportReviewLogCsv}. */
    public void write(long userId, Writer out) {
        QuarkusTransaction.requiringNew().run(() -> store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select card_id, reviewed_at, rating, state_before, duration_ms from review_log
                    where user_id = ? and undone_at is null order by reviewed_at, id""")) {
                ps.setFetchSize(1000); // a server-side cursor inside the transaction: memory stays flat
                ps.setLong(1, userId);
                out.write("card_id,review_time,review_rating,review_state,review_duration\n");
                try (ResultSet rs = ps.executeQuery()) {
                    StringBuilder line = new StringBuilder(64);
                    while (rs.next()) {
                        line.setLength(0);
                        line.append(rs.getLong("card_id")).append(',').append(rs.getTimestamp("reviewed_at").getTime())
                                .append(',').append(rs.getShort("rating")).append(',').append(rs.getShort("state_before"))
                                .append(',').append(rs.getInt("duration_ms")).append('\n');
                        out.append(line);
                    }
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }));
    }
}
