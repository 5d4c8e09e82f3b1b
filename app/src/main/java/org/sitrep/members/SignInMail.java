package org.sitrep.members;

import java.util.Locale;
import org.sitrep.common.SitrepProperties;
import org.sitrep.web.Dateline;
import org.sitrep.web.LinkMail;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The sign-in link by mail ({@link LinkMail}: on the console when there is no mail server), in the language of
 * the page the link was asked from (the edition's), digits included.
 */
@Component
class SignInMail {
    private final LinkMail mail;
    private final SitrepProperties properties;
    private final MessageSource messages;
    private final Dateline dateline;

    SignInMail(LinkMail mail, SitrepProperties properties, MessageSource messages, Dateline dateline) {
        this.mail = mail;
        this.properties = properties;
        this.messages = messages;
        this.dateline = dateline;
    }

    void send(String email, String token) {
        send(email, token, null);
    }

    /** The link also carries {@code next}, the page to return to (checked again when it is used). */
    void send(String email, String token, String next) {
        String link = org.sitrep.common.ReturnPath.link(mail.link("/signin/link?token=" + token), next);
        Locale language = LocaleContextHolder.getLocale();
        long minutes = MagicLinks.LIFETIME.toMinutes();
        mail.send(
                email,
                messages.getMessage("mail.signin.subject", new Object[] {properties.siteName()}, language),
                messages.getMessage(
                        "mail.signin.body",
                        new Object[] {properties.siteName(), dateline.number(minutes), link},
                        language),
                "sign-in link",
                link,
                "valid " + minutes + " minutes, once");
    }
}
