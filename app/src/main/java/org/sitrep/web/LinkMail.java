package org.sitrep.web;

import org.sitrep.common.SitrepProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * One plain-text mail to one reader, usually carrying a link that does something once (sign in, take a seat,
 * redeem a gift), from {@code sitrep.mail.from} (else no-reply at the site's host). Without
 * {@code spring.mail.host} (the embedded default) there is no mail server, so the link is written to the
 * console, clearly marked, for a person trying the site locally to copy. A mail the server refuses is logged
 * for the operator and not raised: what the reader is told must not depend on it (no address enumeration).
 */
@Component
public class LinkMail {
    private static final Logger log = LoggerFactory.getLogger(LinkMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final SitrepProperties properties;
    private final PublicUrls urls;
    private final String from;

    public LinkMail(
            ObjectProvider<JavaMailSender> mail,
            SitrepProperties properties,
            PublicUrls urls,
            @Value("${sitrep.mail.from:}") String from) {
        this.mail = mail;
        this.properties = properties;
        this.urls = urls;
        this.from = from;
    }

    /** This site's absolute address of {@code path} (a path with its query), for a link in a mail. */
    public String link(String path) {
        return properties.baseUrl().replaceAll("/+$", "") + path;
    }

    /**
     * Sends the mail; without a mail server, writes {@code link} (if any) and {@code note} to the console instead.
     * {@code what} names the mail in the log ("sign-in link", "invitation").
     */
    public void send(String to, String subject, String text, String what, String link, String note) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            if (link != null) {
                log.warn(
                        "\n==== NO MAIL SERVER (spring.mail.host unset): {} for {} ====\n{}\n===="
                                + (note == null ? "" : " (" + note + ") ===="),
                        what,
                        to,
                        link);
            }
            return;
        }
        SimpleMailMessage m = new SimpleMailMessage();
        m.setTo(to);
        m.setFrom(from == null || from.isBlank() ? "no-reply@" + urls.host() : from);
        m.setSubject(subject);
        m.setText(text);
        try {
            sender.send(m);
        } catch (MailException e) {
            log.error("Could not send the {} mail: {}", what, e.getMessage());
        }
    }
}
