package org.sitrep.members;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
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
    private final String command;
    private final String email;
    private final String password;
    private final boolean exitAfterCommand;

    FirstAdmin(UserAccounts accounts, ConfigurableApplicationContext context,
               @Value("${sitrep.command:}") String command,
               @Value("${sitrep.admin.email:}") String email,
               @Value("${sitrep.admin.password:}") String password,
               @Value("${sitrep.command-exits:true}") boolean exitAfterCommand) {
        this.accounts = accounts;
        this.context = context;
        this.command = command;
        this.email = email;
        this.password = password;
        this.exitAfterCommand = exitAfterCommand;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean isCommand = "create-admin".equals(command);
        int status = 0;
        if (email.isBlank() || password.isEmpty()) {
            if (isCommand) {
                System.err.println("create-admin: both --email and --password are required");
                status = 2;
            }
        } else {
            try {
                UserAccount admin = accounts.createOrResetAdmin(email, password);
                log.info("Administrator {} is ready", admin.email());
                if (isCommand) System.out.println("Administrator " + admin.email() + " is ready; sign in at /signin");
            } catch (UserAccounts.AccountProblem e) {
                if (!isCommand) throw new IllegalStateException("SITREP_ADMIN_EMAIL/SITREP_ADMIN_PASSWORD: " + e.getMessage());
                System.err.println("create-admin: " + e.getMessage());
                status = 2;
            }
        }
        if (isCommand && exitAfterCommand) {
            int code = status;
            // The scheduler's threads would keep the JVM alive: a command ends the process itself.
            System.exit(SpringApplication.exit(context, () -> code));
        }
        if (isCommand && status != 0) throw new IllegalStateException("create-admin failed");
    }
}
