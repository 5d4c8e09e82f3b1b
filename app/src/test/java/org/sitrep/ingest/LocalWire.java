package org.sitrep.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local web server standing in for the outside world (no outside network in tests): each path
 * answers what the test says, and every request is remembered with its conditional-GET headers.
 */
final class LocalWire implements AutoCloseable {
    /** One answer: status, type, body and extra headers. */
    record Answer(int status, String type, byte[] body, Map<String, String> headers) {
        static Answer ok(String type, byte[] body) {
            return new Answer(200, type, body, Map.of());
        }
    }

    /** What a test's responder sees of a request. */
    record Request(String path, String ifNoneMatch, String ifModifiedSince) {}

    interface Responder {
        Answer answer(Request request);
    }

    private final HttpServer server;
    private final Map<String, Responder> paths = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    private final String host;

    LocalWire() throws IOException {
        this("127.0.0.1");
    }

    /** On another loopback address ({@code 127.0.0.2}, {@code ::1}): for the tests of what ingest may fetch. */
    LocalWire(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext("/", this::handle);
        server.start();
        host = address.contains(":") ? "[" + address + "]" : address;
    }

    String url(String path) {
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void serve(String path, Responder responder) {
        paths.put(path, responder);
    }

    void serve(String path, String type, byte[] body) {
        serve(path, r -> Answer.ok(type, body));
    }

    long requestsFor(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Request request = new Request(
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("If-None-Match"),
                exchange.getRequestHeaders().getFirst("If-Modified-Since"));
        requests.add(request);
        Responder responder = paths.get(request.path());
        Answer answer = responder == null
                ? new Answer(404, "text/plain", "not found".getBytes(), Map.of())
                : responder.answer(request);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (answer.type() != null) exchange.getResponseHeaders().add("Content-Type", answer.type());
        boolean empty = answer.status() == 304 || answer.body() == null || answer.body().length == 0;
        exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
