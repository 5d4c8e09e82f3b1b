package org.sitrep.testsupport;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
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
 * One browser-like visitor over real HTTP: keeps its cookies, does not follow redirects, and
 * posts forms with the CSRF token read from the page that holds the form.
 */
public final class WebSession {
    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private String accept;

    public WebSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Posts {@code fields} to {@code action}, with the CSRF token from the form on {@code formPage}. */
    public HttpResponse<String> post(String formPage, String action, Map<String, String> fields) {
        String page = get(formPage).body();
        Element csrf = Jsoup.parse(page).selectFirst("form[action=\"" + action + "\"] input[name=_csrf]");
        if (csrf == null)
            throw new AssertionError("no form posting to " + action + " with a CSRF token on " + formPage);
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf.val());
        return postRaw(action, all);
    }

    /** Posts exactly these fields (no CSRF token added). */
    public HttpResponse<String> postRaw(String action, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Sends this Accept header from now on, e.g. a browser's, to get the pages a person gets rather than JSON errors. */
    public WebSession accepting(String accept) {
        this.accept = accept;
        return this;
    }

    public void setCookie(String name, String value) {
        HttpCookie c = new HttpCookie(name, value);
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), c);
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    public void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    private HttpResponse<String> send(HttpRequest request) {
        if (accept != null)
            request = HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Accept"))
                    .header("Accept", accept)
                    .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
