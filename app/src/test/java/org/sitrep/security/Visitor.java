package org.sitrep.security;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * One client over real HTTP, as an attacker or a reader: its own cookies (so its own session), a
 * chosen server address ({@code 127.0.0.1} or {@code [::1]}: the server sees a different peer for
 * each), headers it adds to every request (a forged or proxy-written X-Forwarded-For), no redirects
 * followed, forms posted with the CSRF token of the page holding them.
 */
final class Visitor {
    private final String base;
    private final HttpClient client;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Visitor(String host, int port) {
        this.base = "http://" + host + ":" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A client connecting to the server over IPv4 loopback (peer 127.0.0.1). */
    static Visitor direct(int port) {
        return new Visitor("127.0.0.1", port);
    }

    /** A client whose requests reach the server through the proxy on IPv6 loopback (peer ::1), which writes X-Forwarded-For. */
    static Visitor behindProxy(int port, String clientAddress) {
        return new Visitor("[::1]", port).header("X-Forwarded-For", clientAddress);
    }

    Visitor header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> head(String path) {
        return send(request(path)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** Posts {@code fields} to {@code action} with the CSRF token from the form on {@code formPage}. */
    HttpResponse<String> post(String formPage, String action, Map<String, String> fields) {
        Element csrf =
                Jsoup.parse(get(formPage).body()).selectFirst("form[action=\"" + action + "\"] input[name=_csrf]");
        if (csrf == null) throw new AssertionError("no form posting to " + action + " on " + formPage);
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf.val());
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Posts {@code fields} to {@code action} with no CSRF token, as a forged cross-site form or a server-to-server call would. */
    HttpResponse<String> postWithoutToken(String action, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** The password form: true when it signed in (a redirect that is not back to the form). */
    HttpResponse<String> signIn(String email, String password) {
        return post("/signin", "/signin", Map.of("username", email, "password", password));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(b::header);
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
