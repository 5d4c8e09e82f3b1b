package org.sitrep.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sitrep.common.SitrepProperties;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;

/** Without a mail server (the embedded default) the sign-in link is written to the console for a person to copy. */
@ExtendWith(OutputCaptureExtension.class)
class SignInMailTest {
    @Test
    void withoutAMailServerTheLinkGoesToTheConsoleClearlyMarked(CapturedOutput output) {
        SitrepProperties props = new SitrepProperties(java.nio.file.Path.of("."), "http://localhost:8080/", "Sitrep", "t",
                java.time.ZoneId.of("Asia/Beirut"), false);
        SignInMail mail = new SignInMail(new org.sitrep.web.LinkMail(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), props,
                new org.sitrep.web.PublicUrls(props), ""), props);
        mail.send("reader@example.org", "TOKEN123abc");
        assertThat(output.getAll()).contains("NO MAIL SERVER").contains("reader@example.org")
                .contains("http://localhost:8080/signin/link?token=TOKEN123abc").contains("valid 15 minutes, once");
    }
}
