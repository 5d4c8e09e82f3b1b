package org.sitrep.licences;

import org.sitrep.common.SitrepProperties;
import org.sitrep.web.LinkMail;
import org.springframework.stereotype.Component;

/** Invitations and gifts by mail ({@link LinkMail}: on the console, as sign-in links, when there is no mail server). */
@Component
class LicenceMail {
    private final LinkMail mail;
    private final SitrepProperties properties;

    LicenceMail(LinkMail mail, SitrepProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    void invitation(String email, String organisation, String token) {
        String link = mail.link("/licences/invitation?token=" + token);
        mail.send(
                email,
                "Your seat at " + properties.siteName() + " from " + organisation,
                "Hello,\n\n" + organisation + " invites you to a seat of its " + properties.siteName()
                        + " licence: everything "
                        + properties.siteName()
                        + " publishes, read with your own account.\n\nTake the seat here (the link works once, for "
                        + Invitations.LIFETIME.toDays() + " days):\n\n" + link
                        + "\n\nIf you did not expect this, ignore this mail.\n",
                "invitation",
                link,
                null);
    }

    void gift(String recipient, String buyer, String message, String token) {
        String link = mail.link("/gift/redeem?token=" + token);
        mail.send(
                recipient,
                "A year of " + properties.siteName() + ", a gift from " + buyer,
                "Hello,\n\n" + buyer + " has given you a year of " + properties.siteName() + "."
                        + (message == null || message.isBlank() ? "" : "\n\nTheir message:\n" + message.strip())
                        + "\n\nRedeem it here (the link works once):\n\n" + link + "\n",
                "gift",
                link,
                null);
    }

    void giftReceipt(String buyer, String recipient) {
        mail.send(
                buyer,
                "Your gift of " + properties.siteName() + " is on its way",
                "Hello,\n\nThank you. " + recipient + " has been sent a link to redeem a year of "
                        + properties.siteName() + ".\n",
                "gift receipt",
                null,
                null);
    }
}
