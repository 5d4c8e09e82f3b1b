package org.sitrep.members;

import org.sitrep.common.SitrepProperties;
import org.sitrep.web.LinkMail;
import org.springframework.stereotype.Component;

/** The sign-in link by mail ({@link LinkMail}: on the console when there is no mail server). */
@Component
class SignInMail {
    private final LinkMail mail;
    private final SitrepProperties properties;

    SignInMail(LinkMail mail, SitrepProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    void send(String email, String token) {
        send(email, token, null);
    }

    /** The link also carries {@code next}, the page to return to (checked again when it is used). */
    void send(String email, String token, String next) {
        String link = org.sitrep.common.ReturnPath.link(mail.link("/signin/link?token=" + token), next);
        mail.send(email, "Your sign-in link for " + properties.siteName(),
                "Hello,\n\nUse this link to sign in to " + properties.siteName() + ". It works once, for "
                        + MagicLinks.LIFETIME.toMinutes() + " minutes:\n\n" + link
                        + "\n\nIf you did not ask for it, ignore this mail: nothing happens without the link.\n",
                "sign-in link", link, "valid " + MagicLinks.LIFETIME.toMinutes() + " minutes, once");
    }
}
