package org.sitrep.licences;

import org.sitrep.common.SitrepProperties;
import org.sitrep.web.PublicUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Invitations and gifts by mail. Without {@code spring.mail.host} (the embedded default) the link is
 * written to the console, clearly marked, as sign-in links are, for a person trying the site locally.
 */
@Component
class LicenceMail {
    private static final Logger log = LoggerFactory.getLogger(LicenceMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final SitrepProperties properties;
    private final PublicUrls urls;
    private final String from;

    LicenceMail(ObjectProvider<JavaMailSender> mail, SitrepProperties properties, PublicUrls urls,
                @Value("${sitrep.mail.from:}") String from) {
        this.mail = mail;
        this.properties = properties;
        this.urls = urls;
        this.from = from;
    }

    void invitation(String email, String organisation, String token) {
        String link = base() + "/licences/invitation?token=" + token;
        send(email, "Your seat at " + properties.siteName() + " from " + organisation,
                "Hello,\n\n" + organisation + " invites you to a seat of its " + properties.siteName() + " licence: everything "
                        + properties.siteName() + " publishes, read with your own account.\n\nTake the seat here (the link works once, for "
                        + Invitations.LIFETIME.toDays() + " days):\n\n" + link + "\n\nIf you did not expect this, ignore this mail.\n", link);
    }

    void gift(String recipient, String buyer, String message, String token) {
        String link = base() + "/gift/redeem?token=" + token;
        send(recipient, "A year of " + properties.siteName() + ", a gift from " + buyer,
                "Hello,\n\n" + buyer + " has given you a year of " + properties.siteName() + "."
                        + (message == null || message.isBlank() ? "" : "\n\nTheir message:\n" + message.strip())
                        + "\n\nRedeem it here (the link works once):\n\n" + link + "\n", link);
    }

    void giftReceipt(String buyer, String recipient) {
        send(buyer, "Your gift of " + properties.siteName() + " is on its way",
                "Hello,\n\nThank you. " + recipient + " has been sent a link to redeem a year of " + properties.siteName() + ".\n", null);
    }

    private void send(String to, String subject, String text, String link) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            if (link != null) log.warn("\n==== NO MAIL SERVER (spring.mail.host unset): {} for {} ====\n{}\n====", subject, to, link);
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
            log.error("Could not send '{}': {}", subject, e.getMessage());
        }
    }

    private String base() {
        return properties.baseUrl().replaceAll("/+$", "");
    }
}
