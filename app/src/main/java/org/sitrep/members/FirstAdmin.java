package org.sitrep.members;

import org.sitrep.common.RunMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The first administrator. On every start, {@code sitrep.admin.email}/{@code sitrep.admin.password}
 * (env {@code SITREP_ADMIN_EMAIL}/{@code SITREP_ADMIN_PASSWORD}) create that account or reset its
 * password. With {@code sitrep.command=create-admin} (the launcher's {@code create-admin}) the
 * application does only that and exits, with status 2 when the flags are missing or refused.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserAccounts accounts;
    private final ConfigurableApplicationContext context;
    private final RunMode mode;
    private final String email;
    private final String password;

    FirstAdmin(
            UserAccounts accounts,
            ConfigurableApplicationContext context,
            RunMode mode,
            @Value("${sitrep.admin.email:}") String email,
            @Value("${sitrep.admin.password:}") String password) {
        this.accounts = accounts;
        this.context = context;
        this.mode = mode;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean isCommand = mode.runs("create-admin");
        int status = 0;
        if (email.isBlank() || password.isEmpty()) {
            if (isCommand) {
                System.err.println("create-admin: both --email and --password are required");
                status = 2;
            }
        } else {
            try {
                UserAccount admin;
                try {
                    admin = accounts.createOrResetAdmin(email, password);
                } catch (DuplicateKeyException raced) {
                    // Several instances starting at once on one database: another created the account a moment
                    // ago (its transaction was rolled back here); now it exists, so this resets its password.
                    admin = accounts.createOrResetAdmin(email, password);
                }
                log.info("Administrator {} is ready", admin.email());
                if (isCommand) System.out.println("Administrator " + admin.email() + " is ready; sign in at /signin");
            } catch (UserAccounts.AccountProblem e) {
                if (!isCommand)
                    throw new IllegalStateException("SITREP_ADMIN_EMAIL/SITREP_ADMIN_PASSWORD: " + e.getMessage());
                System.err.println("create-admin: " + e.getMessage());
                status = 2;
            }
        }
        if (isCommand) mode.finish(context, status);
        if (isCommand && status != 0) throw new IllegalStateException("create-admin failed");
    }
}
