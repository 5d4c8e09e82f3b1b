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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.sitrep.common.JobLeases;
import org.sitrep.common.SitrepProperties;
import org.sitrep.members.ReaderAccounts;
import org.sitrep.web.Language;
import org.sitrep.web.PublicUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Delivers an issue that {@link IssueDesk#start} put in SENDING, from its send log.
 *
 * <p>Each connection takes recipients one at a time: one commit records the verdict on the copy it
 * just handed to the SMTP server (SENT, or FAILED with the server's answer) and claims the next
 * recipient (SENDING) — if that reader is still opted in and entitled at this moment; one who left
 * since the send began is SKIPPED. A row still SENDING when a run begins was claimed by a run that
 * died (a crash, a kill -9): its mail may or may not have been accepted, so it becomes UNKNOWN and
 * is never sent again. That makes delivery at most once, and a crash leaves at most one recipient
 * per connection in doubt; the progress page counts and lists them.
 *
 * <p>With several instances, an issue is delivered by the one that holds its lease ({@code newsletters.issue-ID},
 * renewed while the run lasts; see {@code common.JobLeases}); another instance's scheduler takes the issue over
 * once the lease lapses (its holder died), and the in-flight rows it finds become UNKNOWN as after a restart.
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

    /** How long a socket operation with the SMTP server may take (unless spring.mail.properties says otherwise). */
    static final int SMTP_TIMEOUT_MILLIS = 60_000;

    /** How long an issue's lease lasts unrenewed: how soon another instance takes over a send whose instance died. */
    static final Duration LEASE = Duration.parse(JobLeases.LEASE);

    /** What one run did. */
    public record Run(int sent, int failed, boolean finished) {}

    private record Recipient(long userId, String email, Language language) {}

    private final ObjectProvider<JavaMailSender> mail;
    private final LockProvider leases;
    private final ReaderAccounts readers;
    private final IssueDesk desk;
    private final SendLog sendLog;
    private final Newsletters newsletters;
    private final IssueLetter letters;
    private final UnsubscribeTokens tokens;
    private final PublicUrls urls;
    private final SitrepProperties properties;
    private final Clock clock;
    private final double ratePerSecond;
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

    Postman(
            ObjectProvider<JavaMailSender> mail,
            LockProvider leases,
            ReaderAccounts readers,
            IssueDesk desk,
            SendLog sendLog,
            Newsletters newsletters,
            IssueLetter letters,
            UnsubscribeTokens tokens,
            PublicUrls urls,
            SitrepProperties properties,
            Clock clock,
            @Value("${sitrep.newsletters.rate-per-second:2000}") double ratePerSecond,
            @Value("${sitrep.newsletters.connections:2}") int connections,
            @Value("${sitrep.newsletters.from:${sitrep.mail.from:}}") String from) {
        this.mail = mail;
        this.leases = leases;
        this.readers = readers;
        this.desk = desk;
        this.sendLog = sendLog;
        this.newsletters = newsletters;
        this.letters = letters;
        this.tokens = tokens;
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
        this.ratePerSecond = Math.max(0, ratePerSecond);
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
            // Another instance may be delivering it: only the lease holder may, or a recipient could be mailed twice.
            Optional<SimpleLock> lease = leases.lock(
                    new LockConfiguration(ClockProvider.now(), "newsletters.issue-" + issueId, LEASE, Duration.ZERO));
            if (lease.isEmpty()) return new Run(0, 0, false);
            try {
                return deliverClaimed(issueId);
            } finally {
                lease.get().unlock();
            }
        } finally {
            running.remove(issueId);
        }
    }

    private Run deliverClaimed(long issueId) {
        Issue issue = desk.find(issueId).orElse(null);
        if (issue == null || issue.state() != Issue.State.SENDING) return new Run(0, 0, false);
        int unsure = sendLog.markInDoubt(issueId);
        if (unsure > 0)
            log.warn(
                    "Issue {}: {} recipient(s) were in flight when an earlier send stopped; marked UNKNOWN, not resent",
                    issueId,
                    unsure);
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.error("Issue {} is SENDING but no mail server is configured (spring.mail.host); waiting", issueId);
            return new Run(0, 0, false);
        }
        Newsletter newsletter = newsletters.byId(issue.newsletterId()).orElseThrow();
        // Rendered once per language its readers chose (on first need: most sends are one language).
        Map<Language, IssueLetter.Letter> byLanguage = new ConcurrentHashMap<>();
        Function<Language, IssueLetter.Letter> letter =
                l -> byLanguage.computeIfAbsent(l, x -> letters.render(issue, newsletter, x));
        // One walk along the primary key for who is left (8 bytes a recipient); lanes take it in chunks.
        Queue queue = new Queue(sendLog.queued(issueId), newsletter.id());
        Pacer pacer = new Pacer(ratePerSecond);
        List<Envelope> envelopes = new ArrayList<>();
        for (int i = 0; i < connections; i++) envelopes.add(new Envelope(sender, newsletter, letter, issueId));
        ExecutorService lanes = connections == 1
                ? null
                : Executors.newFixedThreadPool(connections, r -> {
                    Thread t = new Thread(r, "newsletter-lane");
                    t.setDaemon(true);
                    return t;
                });
        int sent = 0;
        int failed = 0;
        String gone = null;
        try {
            if (lanes == null) {
                Tally t = deliverLane(issueId, newsletter, queue, envelopes.get(0), pacer);
                sent = t.sent();
                failed = t.failed();
                gone = t.gone();
            } else {
                List<Future<Tally>> running = new ArrayList<>();
                for (Envelope envelope : envelopes)
                    running.add(lanes.submit(() -> deliverLane(issueId, newsletter, queue, envelope, pacer)));
                for (Future<Tally> lane : running) {
                    try {
                        Tally t = lane.get();
                        sent += t.sent();
                        failed += t.failed();
                        if (t.gone() != null) gone = t.gone();
                    } catch (InterruptedException | ExecutionException e) {
                        // A lane that died without a verdict (the database went away): its claimed
                        // recipient stays SENDING and the next run reports it UNKNOWN rather than risk a second copy.
                        if (e instanceof InterruptedException)
                            Thread.currentThread().interrupt();
                        queue.halt();
                        gone = "a sending lane stopped: " + e.getMessage();
                    }
                }
            }
        } finally {
            envelopes.forEach(Envelope::close);
            if (lanes != null) lanes.shutdownNow();
        }
        if (gone != null) {
            log.error("Issue {}: the send stopped ({}); the scheduler resumes it", issueId, gone);
            return new Run(sent, failed, false);
        }
        boolean finished = desk.finishIfDone(issueId);
        if (finished) log.info("Issue {} sent: {} delivered, {} failed in this run", issueId, sent, failed);
        return new Run(sent, failed, finished);
    }

    /** What one connection did. */
    private record Tally(int sent, int failed, String gone) {}

    /**
     * One connection's loop: each recipient is claimed in the same commit that records the verdict
     * on the one before, then handed to the server. So when the process dies at any point, at most
     * the recipient in hand on this connection is left claimed without a verdict (UNKNOWN on resume),
     * everyone before it is recorded and everyone after it is still QUEUED.
     */
    private Tally deliverLane(long issueId, Newsletter newsletter, Queue queue, Envelope envelope, Pacer pacer) {
        int sent = 0;
        int failed = 0;
        String gone = null;
        SendLog.Verdict previous = null;
        try {
            while (gone == null && !stopping && !queue.halted()) {
                List<Recipient> chunk = queue.next();
                if (chunk.isEmpty()) break;
                for (Recipient r : chunk) {
                    if (stopping || queue.halted()) break;
                    pacer.await();
                    boolean claimed = sendLog.recordAndClaim(issueId, newsletter, previous, r.userId());
                    previous = null;
                    if (!claimed) continue; // opted out (or lost access) since the send began: SKIPPED
                    try {
                        String problem = envelope.send(r);
                        previous = new SendLog.Verdict(r.userId(), problem);
                        if (problem == null) sent++;
                        else failed++;
                    } catch (ServerGone e) {
                        sendLog.release(issueId, r.userId()); // never handed over: back to the queue
                        queue.halt();
                        gone = "the mail server cannot be reached: " + e.getMessage();
                        break;
                    }
                }
            }
        } finally {
            if (previous != null) sendLog.recordAndClaim(issueId, newsletter, previous, null);
        }
        return new Tally(sent, failed, gone);
    }

    /** The queued recipients of one run, handed to the lanes in chunks with their addresses. */
    private final class Queue {
        private static final int CHUNK = 100;
        private final List<Long> userIds;
        private final long newsletterId;
        private int position;
        private volatile boolean halted;

        Queue(List<Long> userIds, long newsletterId) {
            this.userIds = userIds;
            this.newsletterId = newsletterId;
        }

        /**
         * The next chunk, with the addresses from members (looked up by primary key: H2 planned a
         * join of the log with the accounts as a scan of all of them). Accounts deleted meanwhile are simply absent.
         */
        List<Recipient> next() {
            List<Long> ids;
            synchronized (this) {
                if (position >= userIds.size()) return List.of();
                ids = userIds.subList(position, Math.min(userIds.size(), position + CHUNK));
                position += ids.size();
            }
            Map<Long, Language> languages = newsletters.languages(newsletterId, ids);
            return readers.addresses(ids).entrySet().stream()
                    .map(e -> new Recipient(e.getKey(), e.getValue(), languages.getOrDefault(e.getKey(), Language.EN)))
                    .toList();
        }

        /** Stops every lane before its next recipient (the server is gone). */
        void halt() {
            halted = true;
        }

        boolean halted() {
            return halted;
        }
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
        ServerGone(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One SMTP connection kept open for many messages, and the parts every copy shares. */
    private final class Envelope {
        private final JavaMailSender sender;
        private final JavaMailSenderImpl smtp; // null: a sender we cannot hold a connection on; one send() each
        private final Session session;
        private final Newsletter newsletter;
        private final Function<Language, IssueLetter.Letter> letters;
        private final long issueId;
        private final InternetAddress fromAddress;
        private final String host;
        private final String listId;
        private Transport transport;

        Envelope(
                JavaMailSender sender,
                Newsletter newsletter,
                Function<Language, IssueLetter.Letter> letters,
                long issueId) {
            this.sender = sender;
            this.smtp = sender instanceof JavaMailSenderImpl impl ? impl : null;
            this.session = smtp != null ? withTimeouts(smtp) : Session.getInstance(new java.util.Properties());
            this.newsletter = newsletter;
            this.letters = letters;
            this.issueId = issueId;
            this.host = urls.host();
            this.listId = newsletter.slug() + "." + host;
            String address = from == null || from.isBlank() ? "no-reply@" + host : from.strip();
            try {
                this.fromAddress =
                        new InternetAddress(address, newsletter.name() + " · " + properties.siteName(), "UTF-8");
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * The mail settings with socket timeouts where none are configured: JavaMail waits forever by
         * default, and a server that stops answering mid-message would stall the send (and the
         * scheduler's resume of it) for good. A timeout fails that one recipient (not retried, so no
         * second copy) and the connection is reopened for the next.
         */
        private Session withTimeouts(JavaMailSenderImpl smtp) {
            java.util.Properties props = new java.util.Properties();
            props.putAll(smtp.getSession().getProperties());
            String protocol = smtp.getProtocol() == null ? "smtp" : smtp.getProtocol();
            for (String key : List.of("connectiontimeout", "timeout", "writetimeout")) {
                props.putIfAbsent("mail." + protocol + "." + key, String.valueOf(SMTP_TIMEOUT_MILLIS));
            }
            // JavaMail writes a message's last bytes and the closing "." in separate small writes; with
            // Nagle's algorithm the "." then waits for the server's delayed ACK of the tail (~40 ms on
            // Linux), so a connection carried ~25 messages a second whenever a message's size left a
            // short last segment. Plain SMTP only: TLS sockets come from their own factory.
            if (protocol.equals("smtp")) props.putIfAbsent("mail.smtp.socketFactory", new NoDelaySockets());
            return Session.getInstance(props);
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
            String unsubscribe =
                    urls.absolute("/newsletters/unsubscribe?token=" + tokens.token(r.userId(), newsletter.id()));
            IssueLetter.Letter letter = letters.apply(r.language());
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

    /** Sockets with TCP_NODELAY: each SMTP command and the end of each message leave at once. */
    static final class NoDelaySockets extends javax.net.SocketFactory {
        @Override
        public java.net.Socket createSocket() throws java.io.IOException {
            java.net.Socket s = new java.net.Socket();
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
            java.net.Socket s = createSocket();
            s.connect(new java.net.InetSocketAddress(host, port));
            return s;
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress localHost, int localPort)
                throws java.io.IOException {
            java.net.Socket s = createSocket();
            s.bind(new java.net.InetSocketAddress(localHost, localPort));
            s.connect(new java.net.InetSocketAddress(host, port));
            return s;
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
            java.net.Socket s = createSocket();
            s.connect(new java.net.InetSocketAddress(host, port));
            return s;
        }

        @Override
        public java.net.Socket createSocket(
                java.net.InetAddress address, int port, java.net.InetAddress localAddress, int localPort)
                throws java.io.IOException {
            java.net.Socket s = createSocket();
            s.bind(new java.net.InetSocketAddress(localAddress, localPort));
            s.connect(new java.net.InetSocketAddress(address, port));
            return s;
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
