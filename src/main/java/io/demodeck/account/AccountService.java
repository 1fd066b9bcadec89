package io.demodeck.account;

import io.demodeck.platform.ApiException;
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
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 72; // bcrypt ignores bytes past 72

    public record NewAccount(long id, String username, String roles, String language) {
    }

    /** Validates, then creates a learner; field errors name the field (username, password, language). */
    @Transactional
    public NewAccount register(String username, String password, String language) {
        List<ApiProblem.FieldError> errors = validate(username, password, language);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
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

    /** Checks a password against the stored bcrypt hash (for token logins; form login uses security-jpa). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> authenticate(String username, String password) {
        return find(username).filter(u -> password != null && BcryptUtil.matches(password, u.passwordHash));
    }

    static List<ApiProblem.FieldError> validate(String username, String password, String language) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add(new ApiProblem.FieldError("username",
                    "3 to 64 characters: Latin letters, digits, '.', '_' or '-'"));
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            errors.add(new ApiProblem.FieldError("password", "8 to 72 characters"));
        }
        if (language != null && !language.isBlank() && !Languages.isSupported(language)) {
            errors.add(new ApiProblem.FieldError("language", "one of " + Languages.SUPPORTED));
        }
        return errors;
    }

    private static ApiException taken() {
        return ApiException.validation("username", "this username is taken");
    }
}
