package org.sitrep.monitors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.sitrep.api.DataAccess;
import org.sitrep.common.SitrepProperties;
import org.sitrep.members.ReaderAccounts;
import org.sitrep.members.Role;
import org.sitrep.web.PublicUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends the queued digests and alerts from {@link MonitorMails}, one at a time: each is claimed in its own commit
 * (only if its reader still has the monitor, the mail switched on, an enabled account and the tracker's access),
 * handed to the SMTP server, and its verdict recorded. A server that cannot be reached puts the mail back and
 * stops the run; the next tick tries again. Socket timeouts (60 s unless spring.mail.properties say otherwise) keep
 * a server that stops answering from stalling the scheduler.
 */
@Component
class MonitorPostman {
    private static final Logger log = LoggerFactory.getLogger(MonitorPostman.class);
    static final int SMTP_TIMEOUT_MILLIS = 60_000;
    static final String LEFT = "the monitor, its mail or its reader's access is gone; not sent";
    private static final Set<Role> TRACKER_STAFF = Set.of(Role.ANALYST, Role.EDITOR, Role.ADMIN);

    /** What one run did. */
    record Run(int sent, int failed, int inDoubt) {}

    private final ObjectProvider<JavaMailSender> mail;
    private final MonitorMails mails;
    private final Monitors monitors;
    private final DigestLetter letters;
    private final UnsubscribeLinks links;
    private final ReaderAccounts readers;
    private final DataAccess dataAccess;
    private final PublicUrls urls;
    private final SitrepProperties properties;
    private final Clock clock;
    private final String from;

    MonitorPostman(
            ObjectProvider<JavaMailSender> mail,
            MonitorMails mails,
            Monitors monitors,
            DigestLetter letters,
            UnsubscribeLinks links,
            ReaderAccounts readers,
            DataAccess dataAccess,
            PublicUrls urls,
            SitrepProperties properties,
            Clock clock,
            @Value("${sitrep.mail.from:}") String from) {
        this.mail = mail;
        this.mails = mails;
        this.monitors = monitors;
        this.letters = letters;
        this.links = links;
        this.readers = readers;
        this.dataAccess = dataAccess;
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
        this.from = from;
    }

    boolean mailConfigured() {
        return mail.getIfAvailable() != null;
    }

    /** Marks what a dead run left in flight UNKNOWN, then sends up to {@code max} queued mails. */
    synchronized Run deliver(int max) {
        int unsure = mails.markInDoubt();
        if (unsure > 0)
            log.warn(
                    "{} monitor mail(s) were in flight when an earlier run stopped; marked UNKNOWN, not resent",
                    unsure);
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) return new Run(0, 0, unsure);
        int sent = 0, failed = 0;
        try (Connection smtp = new Connection(sender)) {
            for (long id : mails.queued(max)) {
                Optional<MonitorMails.Mail> claimed = mails.claim(id, this::stillWanted, LEFT);
                if (claimed.isEmpty()) continue;
                MonitorMails.Mail m = claimed.get();
                String problem;
                try {
                    problem = send(smtp, m);
                } catch (ServerGone e) {
                    mails.release(m.id());
                    log.warn("Monitor mails wait: the mail server cannot be reached ({})", e.getMessage());
                    break;
                } catch (RuntimeException e) {
                    // bad data in one mail (a filter that no longer reads): that mail fails, the others go on
                    problem = "could not be written: " + e.getMessage();
                }
                if (problem == null) {
                    mails.sent(m.id());
                    sent++;
                } else if (problem.equals(NOTHING)) {
                    mails.nothingToSay(m.id(), "nothing in the view changed any more when it was due");
                } else {
                    mails.failed(m.id(), problem);
                    failed++;
                }
            }
        }
        return new Run(sent, failed, unsure);
    }

    private static final String NOTHING = "\u0000nothing";

    /** The mail's monitor still exists with this mail on, and its owner may still read the tracker. */
    private boolean stillWanted(long monitorId) {
        return monitors.find(monitorId).filter(this::entitled).isPresent();
    }

    private boolean entitled(Monitor m) {
        if (!readers.inGoodStanding(m.userId(), false)) return false;
        String email = readers.addresses(List.of(m.userId())).get(m.userId());
        if (email == null) return false;
        return readers.find(email)
                .map(r -> TRACKER_STAFF.contains(r.role()) || dataAccess.allowed(email))
                .orElse(false);
    }

    /** Null when the server took it; else why not ({@link #NOTHING}: there was nothing left to say). */
    private String send(Connection smtp, MonitorMails.Mail m) {
        Monitor monitor = monitors.find(m.monitorId()).orElseThrow();
        if (m.digest() ? monitor.digest() == Monitor.Digest.NONE : !monitor.alerts()) return NOTHING;
        Optional<DigestLetter.Letter> letter = m.digest()
                ? letters.digest(monitor, m.since(), m.until())
                : Optional.of(letters.surge(monitor, m.message()));
        if (letter.isEmpty()) return NOTHING;
        String to = readers.addresses(List.of(monitor.userId())).get(monitor.userId());
        String unsubscribe = urls.absolute("/monitors/unsubscribe?token="
                + links.token(
                        monitor.id(), m.digest() ? UnsubscribeLinks.Stops.DIGEST : UnsubscribeLinks.Stops.ALERTS));
        MimeMessage message;
        try {
            message = message(smtp.session, m, letter.get(), to, unsubscribe);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return "could not build the message: " + e.getMessage();
        }
        return smtp.send(message);
    }

    private MimeMessage message(
            Session session, MonitorMails.Mail m, DigestLetter.Letter letter, String to, String unsubscribe)
            throws MessagingException, UnsupportedEncodingException {
        String host = urls.host();
        MimeMessage msg = new TracedMessage(session, "<monitor." + m.id() + "@" + host + ">");
        String address = from == null || from.isBlank() ? "no-reply@" + host : from.strip();
        msg.setFrom(new InternetAddress(address, "Monitors · " + properties.siteName(), "UTF-8"));
        msg.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        msg.setSubject(letter.subject(), "UTF-8");
        msg.setSentDate(Date.from(clock.instant()));
        // RFC 2369 and RFC 8058, as newsletters: the mail client's unsubscribe button POSTs here.
        msg.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        msg.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        msg.setHeader("List-Id", "<monitor-" + m.monitorId() + "." + host + ">");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(letter.text().replace(DigestLetter.UNSUBSCRIBE_PLACEHOLDER, unsubscribe), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(letter.html().replace(DigestLetter.UNSUBSCRIBE_PLACEHOLDER, unsubscribe), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        if (letter.map().isEmpty()) {
            msg.setContent(alternative);
        } else {
            // The map travels inside the mail (cid:map): mail clients block remote images and run no scripts.
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeBodyPart image = new MimeBodyPart();
            image.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                    letter.map().get().bytes(), letter.map().get().contentType())));
            image.setContentID("<map>");
            image.setDisposition(MimeBodyPart.INLINE);
            image.setFileName("map." + (letter.map().get().contentType().contains("svg") ? "svg" : "png"));
            msg.setContent(new MimeMultipart("related", body, image));
        }
        msg.saveChanges();
        return msg;
    }

    /** The server cannot be reached: the mail was never handed over. */
    private static final class ServerGone extends RuntimeException {
        ServerGone(String message) {
            super(message);
        }
    }

    /** One SMTP connection for a run, opened on first use, with socket timeouts. */
    private static final class Connection implements AutoCloseable {
        final JavaMailSender sender;
        final JavaMailSenderImpl smtp;
        final Session session;
        Transport transport;

        Connection(JavaMailSender sender) {
            this.sender = sender;
            this.smtp = sender instanceof JavaMailSenderImpl impl ? impl : null;
            Properties props = new Properties();
            if (smtp != null) props.putAll(smtp.getSession().getProperties());
            String protocol = smtp == null || smtp.getProtocol() == null ? "smtp" : smtp.getProtocol();
            for (String key : List.of("connectiontimeout", "timeout", "writetimeout")) {
                props.putIfAbsent("mail." + protocol + "." + key, String.valueOf(SMTP_TIMEOUT_MILLIS));
            }
            this.session = Session.getInstance(props);
        }

        String send(MimeMessage m) {
            if (smtp == null) {
                try {
                    sender.send(m);
                    return null;
                } catch (org.springframework.mail.MailException e) {
                    return e.getMessage();
                }
            }
            if (transport == null || !transport.isConnected()) {
                try {
                    transport = session.getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
                    transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
                } catch (MessagingException e) {
                    transport = null;
                    throw new ServerGone(e.getMessage());
                }
            }
            try {
                transport.sendMessage(m, m.getAllRecipients());
                return null;
            } catch (SendFailedException e) {
                return "refused: " + e.getMessage();
            } catch (MessagingException e) {
                close(); // broke off mid-message: failed, not retried (it may have arrived)
                return "failed: " + e.getMessage();
            }
        }

        @Override
        public void close() {
            if (transport == null) return;
            try {
                transport.close();
            } catch (MessagingException e) {
                // already gone
            }
            transport = null;
        }
    }

    /** A message whose Message-ID names its log row. */
    private static final class TracedMessage extends MimeMessage {
        private final String messageId;

        TracedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
