package io.demodeck.importer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** The audit row every preview and import leaves: who, when, which file, what came of it. */
@Entity
@Table(name = "import_record")
public class ImportRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id")
    public Long userId;

    @Column(name = "deck_id")
    public Long deckId;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "file_sha256", nullable = false)
    public String fileSha256;

    @Column(nullable = false)
    public String format;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    /** {@code previewed}, {@code applied} or {@code rejected}. */
    @Column(nullable = false)
    public String outcome;

    public int created;
    public int updated;
    public int unchanged;
    public int skipped;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String report;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
