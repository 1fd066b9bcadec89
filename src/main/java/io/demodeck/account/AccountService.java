package io.demodeck.account;

import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.ApiProblem;
import io.demodeck.web.Languages;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creating accounts, used by the registration page, the API and the first-admin bootstrap. */
@ApplicationScoped
public class AccountService {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    /**
     * Compared with the password of a name that has no account, so that an unknown name costs the same bcrypt
     * work as a known one and the answer's timing does not tell which names exist.
     */
    private static final class Dummy {
        static final String HASH = BcryptUtil.bcryptHash(java.util.UUID.randomUUID().toString());
    }

    public record NewAccount(long id, String username, String roles, String language) {
    }

    /** Validates, then creates a learner; field errors name the field (username, password, language). */
    @Transactional
    public NewAccount register(String username, String password, String language) {
        List<ApiProblem.FieldError> errors = validate(username, password, language);
        if (!errors.isEmpty()) {
            throw ClientFacingException.validation(errors);
        }
        return create(username, password, Role.LEARNER, language);
    }

    @Transactional
    public NewAccount create(String username, String password, Role role, String language) {
        if (User.findByUsername(username).isPresent()) {
            throw taken();
        }
        User user = new User();
        user.username = username;
        user.passwordHash = BcryptUtil.bcryptHash(password);
        user.roles = Role.column(role);
        user.language = Languages.isSupported(language) ? language : Languages.DEFAULT;
        user.createdAt = Instant.now();
        try {
            user.persistAndFlush();
        } catch (PersistenceException e) {
            throw taken(); // a concurrent registration of the same name won the unique index
        }
        return new NewAccount(user.id, user.username, user.roles, user.language);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> find(String username) {
        return username == null ? Optional.empty() : User.findByUsername(username);
    }

    /**
     * The account whose password this is (disabled or not: callers refuse disabled ones with their own answer).
     * An unknown name is checked against a dummy hash, so both answers take the same time.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> authenticate(String username, String password) {
        Optional<User> user = find(username);
        String candidate = password == null ? "" : password;
        if (user.isEmpty()) {
            BcryptUtil.matches(candidate, Dummy.HASH);
            return Optional.empty();
        }
        return BcryptUtil.matches(candidate, user.get().passwordHash) ? user : Optional.empty();
    }

    /** Warms the dummy hash up at start, so the first unknown name does not pay for making it. */
    void warmUp(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        Dummy.HASH.length();
    }

    static List<ApiProblem.FieldError> validate(String username, String password, String language) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add(new ApiProblem.FieldError("username",
                    "3 to 64 characters: Latin letters, digits, '.', '_' or '-'"));
        }
        String passwordProblem = PasswordPolicy.problem(password, username);
        if (passwordProblem != null) {
            errors.add(new ApiProblem.FieldError("password", passwordProblem));
        }
        if (language != null && !language.isBlank() && !Languages.isSupported(language)) {
            errors.add(new ApiProblem.FieldError("language", "one of " + Languages.SUPPORTED));
        }
        return errors;
    }

    private static ClientFacingException taken() {
        return ClientFacingException.validation("username", "this username is taken");
    }
}
