package io.demodeck.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** An account. The table is {@code app_user} because {@code user} is reserved in PostgreSQL. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    @Column(nullable = false)
    public String username;

    /** bcrypt, in modular crypt format. */
    @Password(PasswordType.MCF)
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    /** Comma-separated: learner, instructor, admin. */
    @Roles
    @Column(nullable = false)
    public String roles;

    @Column(nullable = false)
    public String language;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Set while the account is disabled: it cannot sign in or use tokens. */
    @Column(name = "disabled_at")
    public Instant disabledAt;

    /** Access tokens issued under an older generation no longer work (see AuthGenerations). */
    @Column(name = "auth_generation", nullable = false)
    public int authGeneration;

    public static Optional<User> findByUsername(String username) {
        return find("lower(username) = lower(?1)", username).firstResultOptional();
    }

    public boolean hasRole(Role role) {
        return Role.parse(roles).contains(role);
    }

    public boolean disabled() {
        return disabledAt != null;
    }
}
