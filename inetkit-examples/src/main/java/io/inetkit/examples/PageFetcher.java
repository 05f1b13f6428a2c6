package io.inetkit.examples;

import io.inetkit.socket.Socket;
import io.inetkit.socket.Sockets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The tutorial's web page fetcher (seed item 3), written with {@link io.inetkit.socket}:
 * connect to port 80, send {@code GET / HTTP/1.1} with {@code Host} and
 * {@code Connection: close}, {@code recv(1024)} until the server closes, split the headers
 * from the body at the first blank line, print the headers and save the body.
 *
 * <p>Unlike the tutorial it bounds what it keeps in memory ({@link #MAX_RESPONSE_BYTES}),
 * sets a timeout, and fails clearly when the reply has no blank line. It speaks the
 * tutorial's minimal HTTP: the body is saved as received (a chunked reply keeps its chunk
 * sizes). {@code io.inetkit.http} is the real client.
 *
 * <pre>
 * java io.inetkit.examples.PageFetcher HOST [PORT [PATH [FILE]]]
 * </pre>
 */
public final class PageFetcher {
    /** The most bytes the fetcher keeps: the tutorial joins the whole reply in memory. */
    public static final int MAX_RESPONSE_BYTES = 64 << 20;

    private static final byte[] BLANK_LINE = {'\r', '\n', '\r', '\n'};

    private PageFetcher() {
    }

    /**
     * A fetched page.
     *
     * @param headers the status line and header lines, as text
     * @param body the bytes after the first blank line
     */
    public record Page(String headers, byte[] body) {
    }

    /**
     * Fetches one page as the tutorial does.
     *
     * @param host the web server
     * @param port its port (80 in the tutorial)
     * @param path the path to ask for ({@code /})
     * @param timeout the connect timeout and the longest wait for each read
     * @return the headers and the body
     * @throws IOException if the connection fails or the reply is not HTTP-shaped
     */
    public static Page fetch(String host, int port, String path, Duration timeout) throws IOException {
        String hostHeader = port == 80 ? host : host + ":" + port;
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (Socket s = Sockets.createConnection(host, port, timeout)) {
            s.setTimeout(timeout);
            s.sendAll(request);
            while (true) {
                byte[] d = s.recv(1024);   // at most 1 KiB per read, as in the tutorial
                if (d.length == 0) {
                    break;
                }
                if (buffer.size() + d.length > MAX_RESPONSE_BYTES) {
                    throw new IOException("the reply is larger than " + MAX_RESPONSE_BYTES + " bytes; giving up");
                }
                buffer.write(d);
            }
        }
        return split(buffer.toByteArray());
    }

    /** Splits a reply at its first blank line, as {@code data.split(b'\r\n\r\n', 1)} does. */
    static Page split(byte[] data) throws IOException {
        for (int i = 0; i + BLANK_LINE.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + BLANK_LINE.length, BLANK_LINE, 0, BLANK_LINE.length)) {
                String headers = new String(data, 0, i, StandardCharsets.UTF_8);
                return new Page(headers, Arrays.copyOfRange(data, i + BLANK_LINE.length, data.length));
            }
        }
        throw new IOException("the reply has no blank line after its headers (" + data.length + " bytes received)");
    }

    /**
     * Prints the headers and writes the body to {@code file}.
     *
     * @param page the fetched page
     * @param out where the headers go
     * @param file where the body goes
     * @throws IOException if the file cannot be written
     */
    public static void save(Page page, PrintStream out, Path file) throws IOException {
        out.println(page.headers());
        Files.write(file, page.body());
    }

    /**
     * Runs the fetcher.
     *
     * @param args {@code HOST [PORT [PATH [FILE]]]}; defaults 80, {@code /}, {@code page.html}
     * @throws IOException if fetching or saving fails
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 4) {
            System.err.println("usage: PageFetcher HOST [PORT [PATH [FILE]]]");
            System.exit(2);
        }
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 80;
        String path = args.length > 2 ? args[2] : "/";
        Path file = Path.of(args.length > 3 ? args[3] : "page.html");
        save(fetch(args[0], port, path, Duration.ofSeconds(10)), System.out, file);
    }
}
