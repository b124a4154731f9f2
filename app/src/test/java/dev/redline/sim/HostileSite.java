package dev.redline.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hostile web site on loopback: a raw socket server that answers each path with whatever bytes a
 * test sets, including what no well-behaved HTTP server would send (invalid status lines, escape
 * sequences). It can go {@linkplain #down() down} (connections refused) and come back on the same
 * port. Thread-safe.
 */
public final class HostileSite implements AutoCloseable {
    private final Map<String, byte[]> responses = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile ServerSocket socket;

    public HostileSite() {
        this.port = listen(0);
    }

    /** Answers {@code path} with exactly these bytes (status line, headers and body). */
    public HostileSite raw(String path, byte[] response) {
        responses.put(path, response);
        return this;
    }

    /** Answers {@code path} with a well-formed response. */
    public HostileSite answer(String path, int status, String contentType, byte[] body) {
        byte[] head = ("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return raw(path, all);
    }

    public HostileSite answer(String path, int status, String contentType, String body) {
        return answer(path, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An article page: one real paragraph, then {@code filler} repeated until the page is
     * {@code bytes} long (the hostile pages of issue 16: {@code "<p>a</p>"} to 4.8 MB is the wide one,
     * {@code "<div>x "} to 1.8 MB the unclosed one).
     */
    public static String articlePage(String filler, int bytes) {
        StringBuilder html = new StringBuilder("<html><head><title>Harbour news</title></head><body><article><p>")
                .append("The harbour authority said on Monday that the ferry link would reopen next week. ".repeat(5))
                .append("</p>");
        while (html.length() < bytes) {
            html.append(filler);
        }
        return html.append("</article></body></html>").toString();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Paths requested so far, in order. */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    /** Stops listening: connections are refused until {@link #up()}. */
    public synchronized void down() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Listens again on the same port. */
    public synchronized void up() {
        listen(port);
    }

    @Override
    public void close() {
        down();
    }

    private synchronized int listen(int onPort) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
            socket = server;
            Thread.ofVirtual().start(() -> accept(server));
            return server.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                // headers are read and dropped
            }
            if (requestLine == null) {
                return;
            }
            String path = requestLine.split(" ")[1];
            requested.add(path);
            byte[] response = responses.getOrDefault(path,
                    "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            OutputStream out = client.getOutputStream();
            out.write(response);
            out.flush();
        } catch (IOException | RuntimeException gone) {
            // the client hung up; nothing to tell anyone
        }
    }
}
