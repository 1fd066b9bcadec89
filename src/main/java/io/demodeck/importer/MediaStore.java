package io.demodeck.importer;

import io.demodeck.platform.Sha256;
import io.demodeck.importer.export.MediaSource;
import io.demodeck.platform.SqlRow;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Files embedded in imports, one row per deck and name; a re-import replaces the content. */
@ApplicationScoped
public class MediaStore {

    public record StoredMedia(String contentType, byte[] data) {
    }

    /** Runs inside the import's transaction. */
    public void upsert(long deckId, List<MediaFile> files) {
        var em = Panache.getEntityManager();
        for (MediaFile f : files) {
            em.createNativeQuery("insert into media (deck_id, name, content_type, sha256, size_bytes, data) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (deck_id, name) do update set "
                            + "content_type = excluded.content_type, sha256 = excluded.sha256, "
                            + "size_bytes = excluded.size_bytes, data = excluded.data")
                    .setParameter(1, deckId).setParameter(2, f.name()).setParameter(3, f.contentType())
                    .setParameter(4, Sha256.hex(f.data())).setParameter(5, f.data().length)
                    .setParameter(6, f.data()).executeUpdate();
        }
    }

    /** The names of a deck's files, in name order. */
    public List<String> names(long deckId) {
        return Panache.getEntityManager().createNativeQuery("select name from media where deck_id = ?1 order by name", String.class)
                .setParameter(1, deckId).getResultList().stream().map(String.class::cast).toList();
    }

    /**
     * Hands these files of a deck to {@code each}, one at a time: an export holds at most one file in memory, and
     * each file is read in a short transaction of its own, so a slow download keeps no transaction open.
     */
    public void forEach(String deckExternalId, List<String> names, MediaSource.Each each) throws IOException {
        for (String name : names) {
            Optional<StoredMedia> file = QuarkusTransaction.requiringNew().call(() -> find(deckExternalId, name));
            if (file.isPresent()) { // a file that went away meanwhile is left out
                each.accept(new MediaFile(name, file.get().contentType(), file.get().data()));
            }
        }
    }

    public Optional<StoredMedia> find(String deckExternalId, String name) {
        return SqlRow.first(Panache.getEntityManager().createNativeQuery("select m.content_type, m.data from media m "
                        + "join deck d on d.id = m.deck_id where d.external_id = ?1 and m.name = ?2", Tuple.class)
                .setParameter(1, deckExternalId).setParameter(2, name))
                .map(r -> new StoredMedia(r.getString("content_type"), r.getBytes("data")));
    }
}
