package org.sitrep.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Fetches feeds and pages over HTTP(S) with timeouts, a size cap and conditional GET
 * (If-None-Match / If-Modified-Since from the last response's ETag / Last-Modified).
 */
@Component
class Fetcher {
    /** A response: 304 (nothing new) or the body with its type and validators for next time. */
    record Response(int status, byte[] body, String contentType, String etag, String lastModified, String finalUrl) {
        boolean notModified() { return status == 304; }
    }

    private final HttpClient client;
    private final IngestSettings settings;

    Fetcher(IngestSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    Response get(String url, String etag, String lastModified) {
        URI uri = webUri(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.readTimeout()).GET()
                .header("User-Agent", "Sitrep ingest (+https://github.com/sitrep)")
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html, "
                        + "application/json;q=0.9, */*;q=0.8");
        if (etag != null && !etag.isBlank()) request.header("If-None-Match", etag);
        if (lastModified != null && !lastModified.isBlank()) request.header("If-Modified-Since", lastModified);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new BadInput("timed out fetching " + url);
        } catch (IOException e) {
            throw new BadInput("could not fetch " + url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInput("interrupted fetching " + url);
        }
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        String newEtag = response.headers().firstValue("ETag").orElse(null);
        String newModified = response.headers().firstValue("Last-Modified").orElse(null);
        try (InputStream in = response.body()) {
            if (status == 304) return new Response(304, new byte[0], type, etag, lastModified, response.uri().toString());
            if (status < 200 || status >= 300) throw new BadInput("HTTP " + status + " from " + url);
            byte[] body = in.readNBytes(settings.maxBytes() + 1);
            if (body.length > settings.maxBytes()) {
                throw new BadInput("larger than " + settings.maxBytes() / (1024 * 1024) + " MB: " + url);
            }
            return new Response(status, body, type, newEtag, newModified, response.uri().toString());
        } catch (IOException e) {
            throw new BadInput("connection lost reading " + url + ": " + e.getMessage());
        }
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
}
