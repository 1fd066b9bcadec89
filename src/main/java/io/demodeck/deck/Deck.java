package io.demodeck.deck;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Entity
@Table(name = "deck")
public class Deck extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "external_id", nullable = false, unique = true)
    public String externalId;

    @Column(name = "original_language", nullable = false)
    public String originalLanguage;

    public String source;

    /** {@code bank} (questions/ folder) or {@code import} (uploaded). */
    @Column(nullable = false)
    public String origin;

    @Column(name = "created_by")
    public Long createdBy;

    /** The owning instructor; null for the system's decks (questions/). */
    @Column(name = "owner_id")
    public Long ownerId;

    /** {@code private}, {@code class} or {@code public}: see {@link io.demodeck.deck.DeckAccess}. */
    @Column(nullable = false)
    public String visibility;

    /** Set while archived: hidden from learners, history kept, restorable. */
    @Column(name = "archived_at")
    public Instant archivedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "deck_text", joinColumns = @JoinColumn(name = "deck_id"))
    @MapKeyColumn(name = "lang")
    public Map<String, Text> texts = new HashMap<>();

    @Embeddable
    public static class Text {
        @Column(nullable = false)
        public String title;
        public String description;

        public Text() {
        }

        public Text(String title, String description) {
            this.title = title;
            this.description = description;
        }
    }

    public static Optional<Deck> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    public static List<Deck> listInOrder() {
        return list("order by origin, externalId");
    }
}
