package org.sitrep.members;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sitrep.common.SitrepProperties;
import org.sitrep.testsupport.TestMail;
import org.sitrep.web.Dateline;
import org.sitrep.web.PublicUrls;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Without a mail server (the embedded default) the sign-in link is written to the console for a person to copy;
 * with one, the mail is written in the language of the page it was asked from (the app's real bundles, a real
 * SMTP server).
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInMailTest {
    static final SitrepProperties PROPS = new SitrepProperties(
            java.nio.file.Path.of("."),
            "http://localhost:8080/",
            "Sitrep",
            "t",
            java.time.ZoneId.of("Asia/Beirut"),
            false);
    GreenMail smtp;

    @AfterEach
    void stop() {
        LocaleContextHolder.resetLocaleContext();
        if (smtp != null) smtp.stop();
    }

    static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    SignInMail mail(JavaMailSender sender) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (sender != null) beans.addBean("mail", sender);
        return new SignInMail(
                new org.sitrep.web.LinkMail(
                        beans.getBeanProvider(JavaMailSender.class), PROPS, new PublicUrls(PROPS), ""),
                PROPS,
                bundles(),
                new Dateline(PROPS));
    }

    @Test
    void withoutAMailServerTheLinkGoesToTheConsoleClearlyMarked(CapturedOutput output) {
        mail(null).send("reader@example.org", "TOKEN123abc");
        assertThat(output.getAll())
                .contains("NO MAIL SERVER")
                .contains("reader@example.org")
                .contains("http://localhost:8080/signin/link?token=TOKEN123abc")
                .contains("valid 15 minutes, once");
    }

    @Test
    void theMailIsInThePagesLanguageWithItsDigits() throws Exception {
        smtp = TestMail.start();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");

        mail(sender).send("en@example.org", "TOKENen");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ar"));
        mail(sender).send("ar@example.org", "TOKENar");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("tr"));
        mail(sender).send("tr@example.org", "TOKENtr");

        assertThat(smtp.waitForIncomingEmail(10_000, 3)).isTrue();
        MimeMessage[] got = smtp.getReceivedMessages();
        assertThat(got[0].getSubject()).isEqualTo("Your sign-in link for Sitrep");
        assertThat(GreenMailUtil.getBody(got[0]))
                .contains("It works once, for 15 minutes")
                .contains("signin/link?token=TOKENen");
        assertThat(got[1].getSubject()).isEqualTo("رابط تسجيل الدخول إلى Sitrep");
        String arabic = new String(got[1].getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(arabic)
                .as("Arabic-Indic fifteen")
                .contains("١٥ دقيقة")
                .contains("signin/link?token=TOKENar")
                .doesNotContain("minutes");
        assertThat(got[2].getSubject()).isEqualTo("Sitrep için oturum açma bağlantınız");
        String turkish = new String(got[2].getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(turkish).contains("15 dakika").contains("signin/link?token=TOKENtr");
    }
}
