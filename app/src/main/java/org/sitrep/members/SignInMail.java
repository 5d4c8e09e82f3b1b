package org.sitrep.members;

import java.util.Locale;
import org.sitrep.common.SitrepProperties;
import org.sitrep.web.Dateline;
import org.sitrep.web.PublicUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the sign-in link. Without {@code spring.mail.host} (the embedded default) there is no
 * mail server, so the link is written to the console, clearly marked, for a person trying the
 * site locally to copy.
 */
@Component
class SignInMail {
    private static final Logger log = LoggerFactory.getLogger(SignInMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final SitrepProperties properties;
    private final PublicUrls urls;
    private final String from;
    private final MessageSource messages;
    private final Dateline dateline;

    SignInMail(ObjectProvider<JavaMailSender> mail, SitrepProperties properties, PublicUrls urls,
               @Value("${sitrep.mail.from:}") String from, MessageSource messages, Dateline dateline) {
        this.messages = messages;
        this.dateline = dateline;
        this.mail = mail;
        this.properties = properties;
        this.urls = urls;
        this.from = from;
    }

    void send(String email, String token) {
        send(email, token, null);
    }

    /** The link also carries {@code next}, the page to return to (checked again when it is used). */
    void send(String email, String token, String next) {
        String link = org.sitrep.common.ReturnPath.link(properties.baseUrl().replaceAll("/+$", "") + "/signin/link?token=" + token, next);
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("\n==== NO MAIL SERVER (spring.mail.host unset): sign-in link for {} ====\n{}\n==== (valid {} minutes, once) ====",
                    email, link, MagicLinks.LIFETIME.toMinutes());
            return;
        }
        SimpleMailMessage m = new SimpleMailMessage();
        m.setTo(email);
        m.setFrom(from == null || from.isBlank() ? "no-reply@" + urls.host() : from);
        // In the language of the page the link was asked from (the edition's), digits included.
        Locale language = LocaleContextHolder.getLocale();
        m.setSubject(messages.getMessage("mail.signin.subject", new Object[] {properties.siteName()}, language));
        m.setText(messages.getMessage("mail.signin.body",
                new Object[] {properties.siteName(), dateline.number(MagicLinks.LIFETIME.toMinutes()), link}, language));
        try {
            sender.send(m);
        } catch (MailException e) {
            // The answer to the reader must not differ (no enumeration); the operator sees the failure here.
            log.error("Could not send the sign-in mail: {}", e.getMessage());
        }
    }
}
