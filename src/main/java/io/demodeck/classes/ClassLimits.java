package io.demodeck.classes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The daily new-card limit of a learner's deck: the smallest of the learner's own limit and the limits of the
 * (not archived) classes they are a member of that assign the deck with one.
 */
public final class ClassLimits {

    static final String SQL = """
            select min(cd.new_cards_per_day) from class_deck cd
            join class_member m on m.class_id = cd.class_id and m.user_id = ?
            join study_class c on c.id = cd.class_id and c.archived_at is null
            where cd.deck_id = ? and cd.new_cards_per_day is not null""";

    private ClassLimits() {
    }

    public static int newCardsPerDay(Connection c, long userId, long deckId, int ownLimit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setLong(1, userId);
            ps.setLong(2, deckId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int classLimit = rs.getInt(1);
                return rs.wasNull() ? ownLimit : Math.min(ownLimit, classLimit);
            }
        }
    }
}
