package org.sitrep.members;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who can sign in, on the {@code users} table. Emails are compared lower-cased, so
 * "Editor@Example.org" and "editor@example.org" are one account.
 */
@Service
public class UserAccounts implements UserDetailsService {

    /** Below this a password is refused: long passphrases beat complexity rules. */
    public static final int MIN_PASSWORD_LENGTH = 10;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) throws UsernameNotFoundException {
        record Login(String email, String hash, String role, boolean enabled) {}
        Login login = jdbc.sql("SELECT email, password_hash, role, enabled FROM users WHERE email = :email")
                .param("email", normalise(email))
                .query((rs, n) -> new Login(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional()
                .filter(l -> l.hash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return User.withUsername(login.email())
                .password(login.hash())
                .authorities(new SimpleGrantedAuthority("ROLE_" + login.role()))
                .disabled(!login.enabled())
                .build();
    }

    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("SELECT id, email, display_name, role, enabled, created_at FROM users WHERE email = :email")
                .param("email", normalise(email))
                .query(UserAccounts::row)
                .optional();
    }

    public List<UserAccount> staff() {
        return jdbc.sql("SELECT id, email, display_name, role, enabled, created_at FROM users "
                        + "WHERE role IN ('EDITOR','ADMIN','ANALYST') ORDER BY display_name, email")
                .query(UserAccounts::row)
                .list();
    }

    /** Adds an account; refuses a taken email or a weak password with a message fit for the form. */
    @Transactional
    public UserAccount create(String email, String displayName, String password, Role role) {
        String normalised = checkEmail(email);
        checkPassword(password);
        if (findByEmail(normalised).isPresent()) {
            throw new AccountProblem("An account with that email already exists.");
        }
        String name = displayName == null || displayName.isBlank()
                ? normalised.substring(0, normalised.indexOf('@'))
                : displayName.strip();
        jdbc.sql("INSERT INTO users (email, display_name, password_hash, role, enabled, created_at) "
                        + "VALUES (:email, :name, :hash, :role, TRUE, :now)")
                .param("email", normalised)
                .param("name", name)
                .param("hash", passwords.encode(password))
                .param("role", role.name())
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        return findByEmail(normalised).orElseThrow();
    }

    /** The first administrator: created, or promoted and given this password if the email exists. */
    @Transactional
    public UserAccount createOrResetAdmin(String email, String password) {
        String normalised = checkEmail(email);
        checkPassword(password);
        if (findByEmail(normalised).isEmpty()) return create(normalised, null, password, Role.ADMIN);
        // As any new password: sessions signed in before it end.
        jdbc.sql(
                        "UPDATE users SET password_hash = :hash, role = 'ADMIN', enabled = TRUE, session_epoch = session_epoch + 1 WHERE email = :email")
                .param("hash", passwords.encode(password))
                .param("email", normalised)
                .update();
        return findByEmail(normalised).orElseThrow();
    }

    /** True when the password is right; for tests and re-authentication, not for the sign-in form. */
    public boolean passwordMatches(String email, String password) {
        return jdbc.sql("SELECT password_hash FROM users WHERE email = :email")
                .param("email", normalise(email))
                .query(String.class)
                .optional()
                .map(h -> h != null && passwords.matches(password, h))
                .orElse(false);
    }

    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String checkEmail(String email) {
        String e = normalise(email);
        if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || e.length() > 320) {
            throw new AccountProblem("Enter a valid email address, like name@example.org.");
        }
        return e;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountProblem("The password must be at least " + MIN_PASSWORD_LENGTH + " characters long.");
        }
    }

    private static UserAccount row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new UserAccount(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Role.valueOf(rs.getString(4)),
                rs.getBoolean(5),
                rs.getObject(6, OffsetDateTime.class).toInstant());
    }

    /** A request the accounts refuse, with a message that can be shown as is. */
    public static class AccountProblem extends RuntimeException {
        public AccountProblem(String message) {
            super(message);
        }
    }
}
