package org.sitrep;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Sitrep: newsroom, public site, members and conflict intelligence in one application. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SitrepApplication {
    public static void main(String[] args) {
        try {
            SpringApplication application = new SpringApplication(SitrepApplication.class);
            application.addListeners(new org.sitrep.common.StartupChecks.SecondServer());
            application.run(args);
        } catch (org.sitrep.common.StartRefused refused) {
            System.exit(refused.status()); // already said in one line by StartRefused.Reporter
        }
    }
}
