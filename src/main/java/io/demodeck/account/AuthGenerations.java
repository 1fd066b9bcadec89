package io.demodeck.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which access tokens still count, decided in memory. Every account has an auth generation (a column);
 * tokens carry the one they were issued under, and a token older than its account's current generation is
 * refused. A role change, disabling, a password change or signing out bumps the generation in the database
 * and announces it with PostgreSQL NOTIFY on {@value #CHANNEL} (sent at commit); every replica LISTENs on a
 * dedicated connection and remembers the new number, so checking a token never needs a query. A replica that
 * (re)connects its listener reloads every generation, because it may have missed announcements meanwhile.
 * Only accounts whose generation was ever bumped are held (a number per account).
 */
@ApplicationScoped
public class AuthGenerations {

    static final String CHANNEL = "demodeck_auth";
    private static final long RECONNECT_MILLIS = 1000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final ConcurrentHashMap<Long, Integer> generations = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread listener;

    /** Whether a token issued under {@code generation} for {@code userId} is still good. */
    public boolean isCurrent(long userId, int generation) {
        Integer current = generations.get(userId);
        return current == null || generation >= current;
    }

    /**
     * Bumps the account's generation within the caller's transaction: its tokens stop working on every replica
     * when the transaction commits (on this one right after the commit, on others when the notification arrives).
     *
     * @return the new generation
     */
    public int advance(long userId) {
        var em = Panache.getEntityManager();
        em.createNativeQuery("update app_user set auth_generation = auth_generation + 1 where id = ?1")
                .setParameter(1, userId).executeUpdate();
        int generation = ((Number) em.createNativeQuery("select auth_generation from app_user where id = ?1")
                .setParameter(1, userId).getSingleResult()).intValue();
        em.createNativeQuery("select 1 from (select pg_notify(?1, ?2)) n").setParameter(1, CHANNEL)
                .setParameter(2, userId + ":" + generation).getSingleResult();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    remember(userId, generation);
                }
            }
        });
        return generation;
    }

    /** Whether the listener is connected (tests wait for it; a replica without it still has its last state). */
    public boolean listening() {
        return listening;
    }

    void remember(long userId, int generation) {
        generations.merge(userId, generation, Math::max);
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            reload(c); // before the first request, not only once the listener is up
        }
        listener = Thread.ofPlatform().daemon().name("demodeck-auth-listener").start(this::listen);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        listener.interrupt();
        closeQuietly(connection);
    }

    private void listen() {
        while (!stopping) {
            try (Connection c = dataSource.getConnection()) {
                connection = c;
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("listen " + CHANNEL);
                }
                reload(c); // after LISTEN: nothing committed from here on can be missed
                listening = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] notes = pg.getNotifications(5000);
                    if (notes != null) {
                        for (PGNotification note : notes) {
                            apply(note.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopping) {
                    Log.warnf("Auth generation listener lost its connection (%s); reconnecting", e.getMessage());
                }
            } finally {
                listening = false;
                connection = null;
            }
            sleep();
        }
    }

    private void reload(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id, auth_generation from app_user where auth_generation > 0")) {
            while (rs.next()) {
                remember(rs.getLong(1), rs.getInt(2));
            }
        }
    }

    private void apply(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        if (colon > 0) {
            try {
                remember(Long.parseLong(payload.substring(0, colon)), Integer.parseInt(payload.substring(colon + 1)));
            } catch (NumberFormatException e) {
                Log.warnf("Ignoring a malformed %s notification: %s", CHANNEL, payload);
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // shutting down
            }
        }
    }
}
