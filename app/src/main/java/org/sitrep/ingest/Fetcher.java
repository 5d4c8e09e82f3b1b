package org.sitrep.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one way ingest reaches outside: every feed, page, linked article and "add a page now"
 * address is fetched here, with conditional GET (If-None-Match / If-Modified-Since from the last
 * response's ETag / Last-Modified) and these guards, each against a way a source could hurt us:
 * <ul>
 * <li>http and https only, and only public addresses ({@link OutboundPolicy}): every address a
 *     name resolves to is checked, and the connection is made to the checked addresses (the
 *     client's resolver <em>is</em> the check), so DNS rebinding cannot swap in a private one;</li>
 * <li>redirects are followed here, at most {@value #MAX_REDIRECTS}, each new address checked the
 *     same way, and never from https to http;</li>
 * <li>time limits on the connection, on each wait for bytes, and on the whole fetch: a server that
 *     trickles a byte a second is cut off at the whole-fetch limit, so it cannot hold a poller;</li>
 * <li>a size cap, before reading (Content-Length) and while reading.</li>
 * </ul>
 */
@Component
class Fetcher implements DisposableBean {
    static final int MAX_REDIRECTS = 5;

    /** A response: 304 (nothing new) or the body with its type and validators for next time. */
    record Response(int status, byte[] body, String contentType, String etag, String lastModified, String finalUrl) {
        boolean notModified() {
            return status == 304;
        }
    }

    /** Cuts off fetches that outlive the whole-fetch limit (a daemon: never keeps the JVM up). */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ingest-fetch-deadlines");
        t.setDaemon(true);
        return t;
    });

    private final CloseableHttpClient client;
    private final IngestSettings settings;
    private final OutboundPolicy policy;

    Fetcher(IngestSettings settings, OutboundPolicy policy) {
        this.settings = settings;
        this.policy = policy;
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout read = Timeout.of(settings.readTimeout());
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return policy.resolve(host);
            }

            @Override
            public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
                List<InetSocketAddress> out = new ArrayList<>();
                for (InetAddress a : policy.resolve(host)) out.add(new InetSocketAddress(a, port));
                return out;
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // never used to choose where to connect
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checked)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(read)
                                .setTimeToLive(Timeout.ofMinutes(1))
                                .build())
                        .setDefaultSocketConfig(
                                SocketConfig.custom().setSoTimeout(read).build())
                        .setMaxConnTotal(16)
                        .setMaxConnPerRoute(2)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(read)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Sitrep ingest (+https://github.com/sitrep)")
                .build();
    }

    Response get(String url, String etag, String lastModified) {
        URI uri = webUri(url);
        Deadline deadline = new Deadline(settings.fetchTimeout());
        try {
            for (int hop = 0; ; hop++) {
                Response response = once(uri, url, etag, lastModified, deadline);
                if (response.status() / 100 != 3 || response.status() == 304) return response;
                if (hop == MAX_REDIRECTS) throw new BadInput("more than " + MAX_REDIRECTS + " redirects from " + url);
                if (response.finalUrl() == null)
                    throw new BadInput("HTTP " + response.status() + " without a Location from " + url);
                URI next;
                try {
                    next = webUri(uri.resolve(response.finalUrl().strip()).toString());
                } catch (IllegalArgumentException e) {
                    throw new BadInput("a redirect to an address that cannot be read from " + url);
                }
                if ("https".equalsIgnoreCase(uri.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
                    throw new BadInput("refused a redirect from https to http (" + next + ") from " + url);
                }
                uri = next;
            }
        } finally {
            deadline.cancel();
        }
    }

    /** One request, no redirect followed: a 3xx comes back with its Location as {@code finalUrl}. */
    private Response once(URI uri, String url, String etag, String lastModified, Deadline deadline) {
        HttpGet request = new HttpGet(uri);
        request.setHeader(
                "Accept",
                "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html, "
                        + "application/json;q=0.9, */*;q=0.8");
        if (etag != null && !etag.isBlank()) request.setHeader("If-None-Match", etag);
        if (lastModified != null && !lastModified.isBlank()) request.setHeader("If-Modified-Since", lastModified);
        boolean done = false;
        try {
            // Checked before anything is sent (an address given literally never reaches a resolver); the
            // connection's own resolver checks again, and that check is the one the connection uses.
            policy.resolve(uri.getHost());
        } catch (OutboundPolicy.Refused e) {
            throw new BadInput(e.getMessage() + ": " + url);
        } catch (UnknownHostException e) {
            throw new BadInput("could not fetch " + url + ": unknown host " + uri.getHost());
        }
        deadline.watch(request);
        try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
            int status = response.getCode();
            String type = header(response, "Content-Type", "");
            if (status == 304) {
                done = true;
                return new Response(304, new byte[0], type, etag, lastModified, uri.toString());
            }
            if (status / 100 == 3 && status != 300) {
                return new Response(status, new byte[0], type, null, null, header(response, "Location", null));
            }
            if (status < 200 || status >= 300) throw new BadInput("HTTP " + status + " from " + url);
            byte[] body = body(response.getEntity(), url);
            done = true;
            return new Response(
                    status,
                    body,
                    type,
                    header(response, "ETag", null),
                    header(response, "Last-Modified", null),
                    uri.toString());
        } catch (OutboundPolicy.Refused e) {
            throw new BadInput(e.getMessage() + ": " + url);
        } catch (IOException e) {
            if (deadline.expired()) throw new BadInput(deadline.said() + " fetching " + url);
            if (e instanceof java.net.SocketTimeoutException
                    || e instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
                throw new BadInput("timed out fetching " + url);
            }
            if (e instanceof UnknownHostException)
                throw new BadInput("could not fetch " + url + ": unknown host " + uri.getHost());
            throw new BadInput("could not fetch " + url + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (RuntimeException e) {
            if (e instanceof BadInput) throw e;
            if (deadline.expired()) throw new BadInput(deadline.said() + " fetching " + url);
            throw new BadInput("could not fetch " + url + ": " + e.getClass().getSimpleName());
        } finally {
            // Anything not read to the end (too large, too slow, an error status) is cut, never drained.
            if (!done) request.cancel();
        }
    }

    private byte[] body(HttpEntity entity, String url) throws IOException {
        int max = settings.maxBytes();
        if (entity == null) return new byte[0];
        if (entity.getContentLength() > max) throw tooLarge(url);
        ByteArrayOutputStream out =
                new ByteArrayOutputStream((int) Math.max(0, Math.min(entity.getContentLength(), 1 << 20)));
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = entity.getContent()) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (out.size() + n > max) throw tooLarge(url);
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private BadInput tooLarge(String url) {
        return new BadInput("larger than " + settings.maxBytes() / (1024 * 1024) + " MB: " + url);
    }

    private static String header(ClassicHttpResponse response, String name, String otherwise) {
        Header h = response.getFirstHeader(name);
        return h == null || h.getValue() == null ? otherwise : h.getValue();
    }

    /** Only http and https: a source URL must never read local files or other schemes. */
    static URI webUri(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new BadInput("not a web address (http or https): " + url);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new BadInput("not a valid address: " + url);
        }
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }

    /** The whole-fetch limit: when it passes, the request under way is cancelled, which closes its connection. */
    private static final class Deadline {
        private final Duration limit;
        private final long endsAt;
        private final AtomicBoolean expired = new AtomicBoolean();
        private volatile HttpGet current;
        private final ScheduledFuture<?> timer;

        Deadline(Duration limit) {
            this.limit = limit;
            this.endsAt = System.nanoTime() + limit.toNanos();
            this.timer = DEADLINES.schedule(
                    () -> {
                        expired.set(true);
                        HttpGet request = current;
                        if (request != null) request.cancel();
                    },
                    limit.toNanos(),
                    TimeUnit.NANOSECONDS);
        }

        void watch(HttpGet request) {
            current = request;
            if (expired.get() || System.nanoTime() - endsAt >= 0) {
                expired.set(true);
                request.cancel();
            }
        }

        boolean expired() {
            return expired.get();
        }

        String said() {
            long s = limit.toSeconds();
            return "took longer than " + (s > 0 ? s + " s" : limit.toMillis() + " ms");
        }

        void cancel() {
            timer.cancel(false);
        }
    }
}
