package org.sitrep.newsletters;

import jakarta.annotation.PreDestroy;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.sitrep.common.SitrepProperties;
import org.sitrep.site.PublicUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Delivers an issue that {@link IssueDesk#start} put in SENDING, from its send log.
 *
 * <p>Each round claims a batch of QUEUED rows (marks them SENDING), hands each message to the SMTP
 * server over one open connection, then marks the batch SENT (or FAILED, with the server's answer)
 * in one update. A row still SENDING when a run begins was claimed by a run that died (a crash,
 * a kill): its mail may or may not have been accepted, so it becomes UNKNOWN and is never sent
 * again. That makes delivery at most once: nobody gets a second copy, and a crash can leave at
 * most one batch of recipients unsure to have received the issue; the progress page lists them.
 *
 * <p>The issue is rendered once; each copy only differs by its unsubscribe link and Message-ID
 * ({@code <newsletter.ISSUE.USER@host>}, so any copy can be traced to its log row).
 */
@Component
public class Postman {
    private static final Logger log = LoggerFactory.getLogger(Postman.class);

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up through ServiceLoader (a scan of every jar)
        // on each body part it makes or writes; naming the provider makes that a class lookup.
        // Measured: a third of the sending time at 100,000 messages. Harmless if Angus is absent
        // (the lookup falls back to ServiceLoader).
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    /** What one run did. */
    public record Run(int sent, int failed, boolean finished) {}

    private record Recipient(long userId, String email) {}

    private final ObjectProvider<JavaMailSender> mail;
    private final JdbcClient jdbc;
    private final IssueDesk desk;
    private final Newsletters newsletters;
    private final IssueLetter letters;
    private final UnsubscribeTokens tokens;
    private final PublicUrls urls;
    private final SitrepProperties properties;
    private final Clock clock;
    private final double ratePerSecond;
    private final int logBatch;
    private final int connections;
    private final String from;

    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "newsletter-postman");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;

    Postman(ObjectProvider<JavaMailSender> mail, JdbcClient jdbc, IssueDesk desk, Newsletters newsletters, IssueLetter letters,
            UnsubscribeTokens tokens, PublicUrls urls, SitrepProperties properties, Clock clock,
            @Value("${sitrep.newsletters.rate-per-second:2000}") double ratePerSecond,
            @Value("${sitrep.newsletters.log-batch:100}") int logBatch,
            @Value("${sitrep.newsletters.connections:2}") int connections,
            @Value("${sitrep.newsletters.from:${sitrep.mail.from:}}") String from) {
        this.mail = mail;
        this.jdbc = jdbc;
        this.desk = desk;
        this.newsletters = newsletters;
        this.letters = letters;
        this.tokens = tokens;
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
        this.ratePerSecond = Math.max(0, ratePerSecond);
        this.logBatch = Math.max(1, logBatch);
        this.connections = Math.max(1, Math.min(16, connections));
        this.from = from;
    }

    /** True when {@code spring.mail.host} is set: without a mail server nothing can be sent. */
    public boolean mailConfigured() {
        return mail.getIfAvailable() != null;
    }

    /** True while this instance is delivering the issue. */
    public boolean delivering(long issueId) {
        return running.contains(issueId);
    }

    /** Delivers the issue on the postman's own thread (unless already waiting or running there); the caller returns at once. */
    public void deliverInBackground(long issueId) {
        if (running.contains(issueId) || !waiting.add(issueId)) return;
        worker.execute(() -> {
            try {
                waiting.remove(issueId);
                deliver(issueId);
            } catch (RuntimeException e) {
                log.error("Sending newsletter issue {} stopped; the scheduler resumes it", issueId, e);
            }
        });
    }

    /**
     * Sends every QUEUED recipient of a SENDING issue, resuming where an earlier run stopped.
     * Returns at once (nothing done) when this instance is already delivering the issue.
     */
    public Run deliver(long issueId) {
        if (!running.add(issueId)) return new Run(0, 0, false);
        try {
            return deliverClaimed(issueId);
        } finally {
            running.remove(issueId);
        }
    }

    private Run deliverClaimed(long issueId) {
        Issue issue = desk.find(issueId).orElse(null);
        if (issue == null || issue.state() != Issue.State.SENDING) return new Run(0, 0, false);
        int unsure = jdbc.sql("UPDATE newsletter_sends SET state = 'UNKNOWN', error = :e WHERE issue_id = :i AND state = 'SENDING'")
                .param("e", "interrupted while sending: may or may not have arrived; not sent again").param("i", issueId).update();
        if (unsure > 0) log.warn("Issue {}: {} recipient(s) were in flight when an earlier send stopped; marked UNKNOWN, not resent", issueId, unsure);
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.error("Issue {} is SENDING but no mail server is configured (spring.mail.host); waiting", issueId);
            return new Run(0, 0, false);
        }
        Newsletter newsletter = newsletters.byId(issue.newsletterId()).orElseThrow();
        IssueLetter.Letter letter = letters.render(issue, newsletter);
        List<Envelope> envelopes = new ArrayList<>();
        for (int i = 0; i < connections; i++) envelopes.add(new Envelope(sender, newsletter, letter, issueId));
        ExecutorService lanes = connections == 1 ? null : Executors.newFixedThreadPool(connections, r -> {
            Thread t = new Thread(r, "newsletter-lane");
            t.setDaemon(true);
            return t;
        });
        int sent = 0;
        int failed = 0;
        int claimSize = ratePerSecond > 0 ? (int) Math.min(logBatch, Math.max(1, ratePerSecond)) : logBatch; // a batch lasts ~1 s at most
        Pacer pacer = new Pacer(ratePerSecond);
        // One walk along the primary key for who is left (8 bytes a recipient), then batches by id.
        List<Long> queued = jdbc.sql("SELECT user_id FROM newsletter_sends WHERE issue_id = :i AND state = 'QUEUED' ORDER BY user_id")
                .param("i", issueId).query(Long.class).list();
        try {
            for (int from = 0; from < queued.size() && !stopping; from += claimSize) {
                List<Recipient> batch = claim(issueId, queued.subList(from, Math.min(queued.size(), from + claimSize)));
                if (batch.isEmpty()) continue; // those accounts were deleted meanwhile (their log rows with them)
                Lane done = deliverBatch(batch, envelopes, lanes, pacer);
                mark(issueId, done.delivered(), "SENT");
                done.failed().forEach((userId, problem) -> fail(issueId, userId, problem));
                if (!done.unsent().isEmpty()) release(issueId, done.unsent());
                sent += done.delivered().size();
                failed += done.failed().size();
                if (done.gone() != null) {
                    log.error("Issue {}: the mail server cannot be reached ({}); the scheduler resumes the send", issueId, done.gone().getMessage());
                    return new Run(sent, failed, false);
                }
            }
        } finally {
            envelopes.forEach(Envelope::close);
            if (lanes != null) lanes.shutdownNow();
        }
        boolean finished = desk.finishIfDone(issueId);
        if (finished) log.info("Issue {} sent: {} delivered, {} failed in this run", issueId, sent, failed);
        return new Run(sent, failed, finished);
    }

    /** What one connection did with its share of a batch. */
    private record Lane(List<Long> delivered, Map<Long, String> failed, List<Long> unsent, ServerGone gone) {}

    /** Shares a claimed batch among the open connections (round robin) and gathers what each did. */
    private Lane deliverBatch(List<Recipient> batch, List<Envelope> envelopes, ExecutorService lanes, Pacer pacer) {
        if (lanes == null) return deliverPart(batch, envelopes.get(0), pacer);
        List<List<Recipient>> parts = new ArrayList<>();
        for (int i = 0; i < envelopes.size(); i++) parts.add(new ArrayList<>());
        for (int i = 0; i < batch.size(); i++) parts.get(i % envelopes.size()).add(batch.get(i));
        List<Future<Lane>> running = new ArrayList<>();
        for (int i = 0; i < envelopes.size(); i++) {
            List<Recipient> part = parts.get(i);
            Envelope envelope = envelopes.get(i);
            running.add(lanes.submit(() -> deliverPart(part, envelope, pacer)));
        }
        Lane all = new Lane(new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>(), null);
        ServerGone gone = null;
        for (int i = 0; i < running.size(); i++) {
            Lane lane;
            try {
                lane = running.get(i).get();
            } catch (InterruptedException | ExecutionException e) {
                // A lane that died without a verdict: its share may or may not have gone out, so leave it
                // claimed (SENDING); the next run marks it UNKNOWN rather than risk a second copy.
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                gone = new ServerGone("a sending lane stopped: " + e.getMessage(), e);
                continue;
            }
            all.delivered().addAll(lane.delivered());
            all.failed().putAll(lane.failed());
            all.unsent().addAll(lane.unsent());
            if (lane.gone() != null) gone = lane.gone();
        }
        return new Lane(all.delivered(), all.failed(), all.unsent(), gone);
    }

    /** Sends one connection's share; after a lost server or a stop, the rest is handed back unsent. */
    private Lane deliverPart(List<Recipient> part, Envelope envelope, Pacer pacer) {
        Lane lane = new Lane(new ArrayList<>(part.size()), new LinkedHashMap<>(), new ArrayList<>(), null);
        ServerGone gone = null;
        for (Recipient r : part) {
            if (stopping || gone != null) {
                lane.unsent().add(r.userId());
                continue;
            }
            pacer.await();
            try {
                String problem = envelope.send(r);
                if (problem == null) lane.delivered().add(r.userId());
                else lane.failed().put(r.userId(), problem);
            } catch (ServerGone e) {
                gone = e;
                lane.unsent().add(r.userId());
            }
        }
        return new Lane(lane.delivered(), lane.failed(), lane.unsent(), gone);
    }

    /**
     * Marks these queued recipients SENDING and returns their addresses. (Two plain primary-key
     * lookups: H2 plans a join of the log with users as a scan of all users, once per batch.)
     */
    private List<Recipient> claim(long issueId, List<Long> userIds) {
        jdbc.sql("UPDATE newsletter_sends SET state = 'SENDING', attempt = attempt + 1 WHERE issue_id = :i AND user_id IN (:ids) "
                        + "AND state = 'QUEUED'")
                .param("i", issueId).param("ids", userIds).update();
        return jdbc.sql("SELECT id, email FROM users WHERE id IN (:ids) ORDER BY id").param("ids", userIds)
                .query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2))).list();
    }

    private void mark(long issueId, List<Long> userIds, String state) {
        if (userIds.isEmpty()) return;
        jdbc.sql("UPDATE newsletter_sends SET state = :s, sent_at = :now, error = NULL WHERE issue_id = :i AND user_id IN (:ids) "
                        + "AND state = 'SENDING'")
                .param("s", state).param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .param("i", issueId).param("ids", userIds).update();
    }

    private void fail(long issueId, long userId, String problem) {
        jdbc.sql("UPDATE newsletter_sends SET state = 'FAILED', error = :e WHERE issue_id = :i AND user_id = :u AND state = 'SENDING'")
                .param("e", problem.length() > 1000 ? problem.substring(0, 1000) : problem).param("i", issueId).param("u", userId).update();
    }

    /** Claimed rows never handed to the server (the run was stopped) go back to the queue. */
    private void release(long issueId, List<Long> userIds) {
        jdbc.sql("UPDATE newsletter_sends SET state = 'QUEUED', attempt = attempt - 1 WHERE issue_id = :i AND user_id IN (:ids) "
                        + "AND state = 'SENDING'")
                .param("i", issueId).param("ids", userIds).update();
    }

    /** Stops runs between two messages: what was handed to the server is marked, the rest stays queued. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * Spaces messages to the configured rate (0: as fast as the server takes them). A sleep often
     * lasts longer than asked on a busy machine; up to {@link #CATCH_UP_NANOS} of such lateness is
     * made up, so the rate holds on average, while a long stall never turns into a burst.
     */
    private static final class Pacer {
        private static final long CATCH_UP_NANOS = 100_000_000L;
        private final long intervalNanos;
        private long next = System.nanoTime();

        Pacer(double perSecond) {
            this.intervalNanos = perSecond > 0 ? (long) (1_000_000_000L / perSecond) : 0;
        }

        synchronized void await() {
            if (intervalNanos == 0) return;
            long now = System.nanoTime();
            if (next > now) LockSupport.parkNanos(next - now);
            next = Math.max(next, now - CATCH_UP_NANOS) + intervalNanos;
        }
    }

    /** The server cannot be reached: the run stops, and rows not handed over go back to the queue. */
    private static final class ServerGone extends RuntimeException {
        ServerGone(String message, Throwable cause) { super(message, cause); }
    }

    /** One SMTP connection kept open for many messages, and the parts every copy shares. */
    private final class Envelope {
        private final JavaMailSender sender;
        private final JavaMailSenderImpl smtp; // null: a sender we cannot hold a connection on; one send() each
        private final Session session;
        private final Newsletter newsletter;
        private final IssueLetter.Letter letter;
        private final long issueId;
        private final InternetAddress fromAddress;
        private final String host;
        private final String listId;
        private Transport transport;

        Envelope(JavaMailSender sender, Newsletter newsletter, IssueLetter.Letter letter, long issueId) {
            this.sender = sender;
            this.smtp = sender instanceof JavaMailSenderImpl impl ? impl : null;
            this.session = smtp != null ? smtp.getSession() : Session.getInstance(new java.util.Properties());
            this.newsletter = newsletter;
            this.letter = letter;
            this.issueId = issueId;
            this.host = urls.host();
            this.listId = newsletter.slug() + "." + host;
            String address = from == null || from.isBlank() ? "no-reply@" + host : from.strip();
            try {
                this.fromAddress = new InternetAddress(address, newsletter.name() + " · " + properties.siteName(), "UTF-8");
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Hands one copy to the server; null when accepted, else why it was not. */
        String send(Recipient r) {
            MimeMessage m;
            try {
                m = message(r);
            } catch (AddressException e) {
                return "invalid address: " + e.getMessage();
            } catch (MessagingException e) {
                return "could not build the message: " + e.getMessage();
            }
            if (smtp == null) {
                try {
                    sender.send(m);
                    return null;
                } catch (org.springframework.mail.MailException e) {
                    return e.getMessage();
                }
            }
            connect();
            try {
                transport.sendMessage(m, m.getAllRecipients());
                return null;
            } catch (SendFailedException e) {
                return "refused: " + e.getMessage(); // one bad address; the connection carries on
            } catch (MessagingException e) {
                // The transaction broke off: record it failed (not retried, so no second copy), reconnect for the next.
                close();
                return "failed: " + e.getMessage();
            }
        }

        private MimeMessage message(Recipient r) throws MessagingException {
            String unsubscribe = urls.absolute("/newsletters/unsubscribe?token=" + tokens.token(r.userId(), newsletter.id()));
            MimeMessage m = new TracedMessage(session, "<newsletter." + issueId + "." + r.userId() + "@" + host + ">");
            m.setFrom(fromAddress);
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(r.email(), true));
            m.setSubject(letter.subject(), "UTF-8");
            m.setSentDate(Date.from(clock.instant()));
            // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to this address.
            m.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            m.setHeader("List-Id", "<" + listId + ">");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(letter.text(unsubscribe), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(letter.html(unsubscribe), "UTF-8", "html");
            // Said up front, so saving does not scan every copy's text to choose an encoding.
            text.setHeader("Content-Transfer-Encoding", "quoted-printable");
            html.setHeader("Content-Transfer-Encoding", "quoted-printable");
            MimeMultipart alternative = new MimeMultipart("alternative", text, html); // plainest first, per RFC 2046
            m.setContent(alternative);
            m.saveChanges();
            return m;
        }

        private void connect() {
            if (transport != null && transport.isConnected()) return;
            try {
                transport = session.getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
                transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
            } catch (MessagingException e) {
                transport = null;
                throw new ServerGone(e.getMessage(), e);
            }
        }

        void close() {
            if (transport == null) return;
            try {
                transport.close();
            } catch (MessagingException e) {
                // already gone
            }
            transport = null;
        }
    }

    /** A message whose Message-ID is ours (JavaMail would otherwise make a random one on save). */
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
