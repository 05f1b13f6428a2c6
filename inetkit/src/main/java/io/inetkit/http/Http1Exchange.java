package io.inetkit.http;

import io.inetkit.text.ConnectionClosedException;
import io.inetkit.text.HeaderBlock;
import io.inetkit.text.LimitExceededException;
import io.inetkit.text.MalformedReplyException;
import io.inetkit.text.ProtocolException;
import io.inetkit.text.ReadTimeoutException;
import io.inetkit.text.Transcript;
import io.inetkit.text.Transcript.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Locale;

/**
 * One request and its response on one connection (RFC 9112): writes the head and body, skips
 * interim responses, handles {@code Expect: 100-continue}, and frames the response body.
 */
final class Http1Exchange {

    private static final int MAX_INTERIM_RESPONSES = 20;

    private final HttpClient client;
    private final HttpConnection conn;
    private final HttpRequest request;
    private final HttpCall call;
    private final Transcript transcript;
    private final CallListener listener;
    private boolean responseStarted;
    private boolean closeRequested;

    Http1Exchange(HttpClient client, HttpConnection conn, HttpRequest request, HttpCall call) {
        this.client = client;
        this.conn = conn;
        this.request = request;
        this.call = call;
        this.transcript = client.transcript();
        this.listener = client.callListener();
    }

    /** @return true once a status line was received: the request then reached the server */
    boolean responseStarted() {
        return responseStarted;
    }

    HttpResponse run() throws IOException {
        conn.startExchange();
        RequestBody body = request.body();
        writeHead(body);
        StatusLine early = null;
        boolean bodySent = true;
        conn.headWrite();
        if (body == null) {
            conn.out.flush();
            listener.requestSent(request);
        } else if ("100-continue".equalsIgnoreCase(request.headers().firstOrNull("Expect"))) {
            conn.out.flush();
            early = awaitContinue();
            if (early == null) {
                HttpResponse answered = writeBodyOrReadEarlyResponse(body);
                if (answered != null) {
                    return answered;
                }
            } else {
                bodySent = false; // the server answered without wanting the body: the connection is out of step
                listener.requestSent(request);
            }
        } else {
            HttpResponse earlyResponse = writeBodyOrReadEarlyResponse(body);
            if (earlyResponse != null) {
                return earlyResponse;
            }
        }
        return readResponse(early, bodySent);
    }

    /**
     * Writes the body; if that fails because the server stopped reading, returns the response it
     * may have sent first (e.g. 413), as curl does.
     *
     * @return null when the body was written, else the server's early response
     */
    private HttpResponse writeBodyOrReadEarlyResponse(RequestBody body) throws IOException {
        try {
            writeBody(body);
            return null;
        } catch (IOException writeFailure) {
            if (call.isCanceledOrTimedOut() || conn.isClosed()) {
                throw writeFailure;
            }
            try {
                conn.setReadTimeout(Math.min(conn.readTimeoutMillis(), 2000)); // an answer, if any, is already there
                HttpResponse response = readResponse(null, false);
                conn.restoreReadTimeout();
                return response;
            } catch (IOException | RuntimeException noResponse) {
                writeFailure.addSuppressed(noResponse);
                throw writeFailure;
            }
        }
    }

    private void writeHead(RequestBody body) {
        conn.headReset();
        String target = conn.route.usesAbsoluteForm() ? absoluteForm() : request.originForm();
        String requestLine = request.method().name() + " " + target + " HTTP/1.1";
        conn.headAppend(requestLine);
        conn.headAppend("\r\n");
        record(Direction.SENT, requestLine);
        Headers h = request.headers();
        if (!h.contains("Host")) {
            line("Host", request.hostHeader());
        }
        for (int i = 0, n = h.size(); i < n; i++) {
            line(h.name(i), h.value(i));
        }
        if (client.userAgent() != null && !h.contains("User-Agent")) {
            line("User-Agent", client.userAgent());
        }
        if (conn.route.usesAbsoluteForm() && conn.route.proxy() instanceof Proxy.Http p && p.credentials() != null
                && !h.contains("Proxy-Authorization")) {
            line("Proxy-Authorization", BasicAuth.header(p.credentials()));
        }
        if (body != null) {
            if (body.contentType() != null && !h.contains("Content-Type")) {
                line("Content-Type", body.contentType());
            }
            if (body.contentLength() >= 0) {
                line("Content-Length", Long.toString(body.contentLength()));
            } else {
                line("Transfer-Encoding", "chunked");
            }
        } else if (expectsBody(request.method())) {
            line("Content-Length", "0");
        }
        String connection = h.firstOrNull("Connection");
        closeRequested = connection != null && HttpSyntax.hasToken(connection, "close");
        conn.headAppend("\r\n");
        record(Direction.SENT, "");
    }

    private static boolean expectsBody(Method m) {
        return m.equals(Method.POST) || m.equals(Method.PUT) || m.equals(Method.PATCH);
    }

    private String absoluteForm() {
        var u = request.uri();
        return u.getScheme() + "://" + request.hostHeader() + request.originForm();
    }

    private void line(String name, String value) {
        conn.headLine(name, value);
        WireLog.header(transcript, Direction.SENT, name, value);
    }

    private void record(Direction d, String line) {
        if (transcript != Transcript.NONE) {
            transcript.record(d, line);
        }
    }

    private void writeBody(RequestBody body) throws IOException {
        long length = body.contentLength();
        if (length >= 0) {
            FixedLengthOutputStream out = new FixedLengthOutputStream(conn.out, length);
            body.writeTo(out);
            out.finish();
            record(Direction.SENT, "<" + length + " bytes of body>");
        } else {
            ChunkedOutputStream out = new ChunkedOutputStream(conn.out);
            body.writeTo(out);
            out.finish();
            record(Direction.SENT, "<chunked body>");
        }
        conn.out.flush();
        listener.requestSent(request);
    }

    /**
     * Waits a bounded time for {@code 100 Continue}.
     *
     * @return null to send the body (100 came, or the wait ended); else the final status line
     *     that came instead (its headers are still unread)
     */
    private StatusLine awaitContinue() throws IOException {
        conn.setReadTimeout(client.continueTimeoutMillis());
        boolean inHeaderBlock = false;
        try {
            int interim = 0;
            while (true) {
                StatusLine st = readStatusLine();
                if (st.status() >= 200) {
                    return st;
                }
                // WHY: the wait may end only between messages. Ended inside a header block, it would
                // lose the fields read so far and the rest would be parsed as a status line; so a
                // block once started is read whole, at the normal read timeout.
                inHeaderBlock = true;
                conn.restoreReadTimeout();
                Headers h = readHeaders();
                inHeaderBlock = false;
                conn.setReadTimeout(client.continueTimeoutMillis());
                interim(st, h, ++interim);
                if (st.status() == 100) {
                    return null;
                }
            }
        } catch (SocketTimeoutException e) {
            if (inHeaderBlock) {
                throw e; // a real read timeout, not the end of the wait
            }
            return null; // like curl: after a short wait, send the body anyway
        } finally {
            if (!conn.isClosed()) {
                conn.restoreReadTimeout();
            }
        }
    }

    private StatusLine readStatusLine() throws IOException {
        String line;
        try {
            line = conn.reader.readLine();
        } catch (SocketTimeoutException e) {
            if (conn.socket().getSoTimeout() != conn.readTimeoutMillis()) {
                throw e; // the 100-continue wait
            }
            throw new ReadTimeoutException("no response from " + conn.route + " within "
                    + conn.readTimeoutMillis() + " ms", e);
        }
        if (line == null) {
            throw new ConnectionClosedException("the server closed the connection without sending a response"
                    + (conn.exchanges() > 1 ? " (on a reused keep-alive connection)" : ""), "");
        }
        if (!responseStarted) {
            responseStarted = true;
            listener.responseStarted(request);
        }
        record(Direction.RECEIVED, line);
        return StatusLine.parse(line);
    }

    private Headers readHeaders() throws IOException {
        try {
            return Headers.fromBlock(HeaderBlock.read(conn.reader, client.headerRules(), transcriptForHeaders()));
        } catch (SocketTimeoutException e) {
            throw new ReadTimeoutException("no data from " + conn.route + " for "
                    + conn.readTimeoutMillis() + " ms while reading the response headers", e);
        }
    }

    private Transcript transcriptForHeaders() {
        if (transcript == Transcript.NONE) {
            return Transcript.NONE;
        }
        return (d, line) -> {
            int colon = line.indexOf(':');
            transcript.record(d, colon < 0 ? line : line.substring(0, colon + 1) + " "
                    + WireLog.mask(line.substring(0, colon), line.substring(colon + 1).strip()));
        };
    }

    private void interim(StatusLine st, Headers h, int count) throws IOException {
        if (st.status() == 101) {
            throw new ProtocolException("the server switched protocols (101) although no upgrade was requested");
        }
        if (count > MAX_INTERIM_RESPONSES) {
            throw new LimitExceededException("more than " + MAX_INTERIM_RESPONSES + " interim (1xx) responses",
                    MAX_INTERIM_RESPONSES);
        }
        client.informationalListener().informational(request, st.status(), h);
    }

    private HttpResponse readResponse(StatusLine early, boolean bodySent) throws IOException {
        StatusLine st = early != null ? early : readStatusLine();
        Headers headers;
        int interim = 0;
        while (true) {
            headers = readHeaders();
            if (st.status() >= 200) {
                break;
            }
            interim(st, headers, ++interim);
            st = readStatusLine();
        }
        listener.responseHeadersReceived(request, st.status(), headers);
        return buildResponse(st, headers, bodySent);
    }

    private HttpResponse buildResponse(StatusLine st, Headers headers, boolean bodySent) throws IOException {
        long length = bodyLength(st, headers);
        boolean reusable = bodySent && !closeRequested && length != CLOSE_DELIMITED && keepAlive(st, headers);
        InputStream body;
        ResponseBodyStream stream = null;
        if (length == 0) {
            call.detach(conn);
            if (reusable) {
                client.pool().release(conn);
            } else {
                conn.close();
            }
            body = InputStream.nullInputStream();
        } else {
            InputStream framed = length == CHUNKED ? new ChunkedBody(conn.reader)
                    : length == CLOSE_DELIMITED ? new CloseDelimitedBody(conn.reader)
                    : new FixedLengthBody(conn.reader, length);
            stream = new ResponseBodyStream(framed, conn, client.pool(), reusable, call, request.toString(), transcript);
            body = stream;
        }
        ResponseBodyStream trailerSource = stream;
        return new HttpResponse(request, st.status(), st.reason(), st.version(), headers, body,
                trailerSource == null ? null : trailerSource::trailers);
    }

    static final long CHUNKED = -1;
    static final long CLOSE_DELIMITED = -2;

    /**
     * The body length per RFC 9112 §6.3.
     *
     * @return 0 for no body, the Content-Length, {@link #CHUNKED} or {@link #CLOSE_DELIMITED}
     */
    private long bodyLength(StatusLine st, Headers headers) throws IOException {
        int status = st.status();
        if (request.method().equals(Method.HEAD) || Status.forbidsBody(status)) {
            return 0;
        }
        List<String> te = headers.all("Transfer-Encoding");
        List<String> cl = headers.all("Content-Length");
        if (!te.isEmpty()) {
            if (!cl.isEmpty()) {
                throw new MalformedReplyException("the response has both Transfer-Encoding and Content-Length;"
                        + " refusing its ambiguous framing (a request-smuggling risk)");
            }
            if (st.version() == HttpVersion.HTTP_1_0) {
                throw new MalformedReplyException("an HTTP/1.0 response with Transfer-Encoding (invalid framing)");
            }
            String codings = String.join(",", te).toLowerCase(Locale.ROOT).replace(" ", "").replace("\t", "");
            if (!codings.equals("chunked")) {
                throw new MalformedReplyException("unsupported Transfer-Encoding " + HttpSyntax.quote(String.join(", ", te))
                        + ": only chunked is supported");
            }
            return CHUNKED;
        }
        if (!cl.isEmpty()) {
            return contentLength(cl);
        }
        return CLOSE_DELIMITED;
    }

    /** Parses Content-Length; identical duplicates and lists are accepted, anything else refused. */
    static long contentLength(List<String> values) throws MalformedReplyException {
        long length = -1;
        for (String v : values) {
            for (String part : v.split(",", -1)) {
                String p = part.strip();
                if (p.isEmpty() || p.length() > 18 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new MalformedReplyException("invalid Content-Length " + HttpSyntax.quote(v));
                }
                long n = Long.parseLong(p);
                if (length >= 0 && n != length) {
                    throw new MalformedReplyException("conflicting Content-Length values: "
                            + HttpSyntax.quote(String.join(", ", values)));
                }
                length = n;
            }
        }
        return length;
    }

    private static boolean keepAlive(StatusLine st, Headers headers) {
        String connection = headers.firstOrNull("Connection");
        if (connection != null) {
            for (String c : headers.all("Connection")) {
                if (HttpSyntax.hasToken(c, "close")) {
                    return false;
                }
            }
        }
        if (st.version() == HttpVersion.HTTP_1_0) {
            return connection != null && HttpSyntax.hasToken(connection, "keep-alive");
        }
        return true;
    }
}
