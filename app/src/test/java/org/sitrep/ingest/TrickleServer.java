package org.sitrep.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A slow-loris source on a local address: it answers every request with a 200 and its headers at
 * once, then sends the body one byte at a time, {@code every} apart, and never ends. Each gap is
 * shorter than a read timeout, so only a limit on the whole fetch stops a client.
 */
final class TrickleServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Duration every;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "trickle-server");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    /** Connections accepted so far. */
    final AtomicInteger connections = new AtomicInteger();
    /** Connections still being trickled to (the client has not hung up). */
    final AtomicInteger open = new AtomicInteger();

    TrickleServer(String address, Duration every) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getByName(address));
        this.every = every;
        threads.submit(this::accept);
    }

    String url(String path) {
        String host = socket.getInetAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + socket.getLocalPort() + path;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                connections.incrementAndGet();
                threads.submit(() -> trickle(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void trickle(Socket s) {
        open.incrementAndGet();
        try (s;
                OutputStream out = s.getOutputStream()) {
            s.getInputStream().read(new byte[8192]); // the request (its first packet is enough here)
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 1000000\r\n\r\n"
                            + "<html><body><p>")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (!closed) {
                out.write('a');
                out.flush();
                Thread.sleep(every.toMillis());
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up (or the test is over)
        } finally {
            open.decrementAndGet();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
        threads.shutdownNow();
    }
}
