package io.inetkit.cli;

import io.inetkit.http.HttpRequest;
import io.inetkit.http.Method;
import io.inetkit.http.MultipartBody;
import io.inetkit.http.RequestBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns {@code inet get}'s request options into an {@link HttpRequest}, as curl would send it. */
final class GetRequestFactory {
    /** The most bytes -d/--json read from a file or stdin; bigger uploads use -T, which streams. */
    static final int MAX_DATA_BYTES = 64 * 1024 * 1024;

    private final InputStream stdin;
    /** What {@link #read} read, so several URLs of one command send the same data (stdin is read once). */
    private final java.util.Map<String, byte[]> read = new java.util.HashMap<>();

    GetRequestFactory(InputStream stdin) {
        this.stdin = stdin;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalArgumentException for contradicting or malformed options (a usage error)
     * @throws IOException if a data or upload file cannot be read
     */
    HttpRequest build(URI uri, GetRequestOptions o) throws IOException {
        boolean netrc = o.netrc || o.netrcOptional || o.netrcFile != null;
        if (o.user != null && o.user.indexOf(':') < 0) {
            // curl would prompt for the password, also with -n; a URL's user takes it from netrc
            throw new IllegalArgumentException("-u needs USER:PASSWORD (no password prompt)"
                    + (netrc ? "; for USER's netrc password put the user in the URL: http://USER@HOST/" : ""));
        }
        if (o.digest && o.user == null && !netrc) {
            throw new IllegalArgumentException("--digest needs -u USER:PASSWORD or -n");
        }
        boolean hasData = !o.dataItems.isEmpty() || !o.json.isEmpty();
        boolean hasForm = !o.formItems.isEmpty();
        if (hasForm && (hasData || o.uploadFile != null || o.head || o.get)) {
            throw new IllegalArgumentException("-F/--form cannot be combined with -d/--data/--json, -T, -I or -G");
        }
        if (o.get && (!o.json.isEmpty() || o.uploadFile != null)) {
            throw new IllegalArgumentException("-G/--get cannot be combined with --json or -T");
        }
        int bodies = (hasData && !o.get ? 1 : 0) + (o.uploadFile != null ? 1 : 0) + (o.head ? 1 : 0);
        if (bodies > 1) {
            throw new IllegalArgumentException("choose one of -d/--data/--json, -T and -I");
        }
        if (!o.json.isEmpty() && !o.dataItems.isEmpty()) {
            throw new IllegalArgumentException("--json cannot be combined with -d/--data");
        }
        RequestBody body = null;
        Method method = Method.GET;
        String contentType = null;
        String accept = null;
        if (o.get) {
            if (hasData) {
                uri = FormData.withQuery(uri, data(o.dataItems));
            }
            method = o.head ? Method.HEAD : Method.GET;
        } else if (o.uploadFile != null) {
            uri = withFileName(uri, o.uploadFile);
            body = o.uploadPath() == null ? RequestBody.ofInputStream(stdin, -1, null) : RequestBody.ofFile(o.uploadPath(), null);
            method = Method.PUT;
        } else if (!o.json.isEmpty()) {
            body = RequestBody.ofBytes(join(o.json), null);
            contentType = "application/json";
            accept = "application/json";
            method = Method.POST;
        } else if (hasData) {
            body = RequestBody.ofBytes(data(o.dataItems), null);
            contentType = "application/x-www-form-urlencoded";
            method = Method.POST;
        } else if (hasForm) {
            body = form(o.formItems); // its Content-Type carries the boundary
            method = Method.POST;
        } else if (o.head) {
            method = Method.HEAD;
        }
        if (o.method != null) {
            method = Method.of(o.method);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method, body);
        if (contentType != null) {
            b.setHeader("Content-Type", contentType);
        }
        if (accept != null) {
            b.setHeader("Accept", accept);
        }
        if (o.userAgent != null) {
            b.setHeader("User-Agent", o.userAgent);
        }
        if (o.user != null && !o.digest) {
            b.setHeader("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(o.user.getBytes(StandardCharsets.UTF_8)));
        }
        if (o.refererUrl() != null) {
            b.setHeader("Referer", o.refererUrl());
        }
        if (o.range != null) {
            b.setHeader("Range", o.rangeHeader());
        }
        applyHeaders(b, o.headers);
        return b.build();
    }

    private static void applyHeaders(HttpRequest.Builder b, List<String> headers) {
        Set<String> seen = new HashSet<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("invalid header \"" + h + "\": use 'Name: value'");
            }
            String name = h.substring(0, colon).strip();
            String value = h.substring(colon + 1).strip();
            if (value.isEmpty()) {
                b.removeHeader(name);
            } else if (seen.add(name.toLowerCase(Locale.ROOT))) {
                b.setHeader(name, value); // the user's value replaces ours (Content-Type, Accept ...)
            } else {
                b.header(name, value);
            }
        }
    }

    /** The -d, --data-binary, --data-raw and --data-urlencode values in command-line order, joined with &amp; as curl does. */
    private byte[] data(List<GetRequestOptions.Data> items) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (GetRequestOptions.Data item : items) {
            if (all.size() > 0) {
                all.write('&');
            }
            switch (item.kind()) {
                case ASCII -> {
                    boolean file = item.value().startsWith("@");
                    for (byte c : read(item.value())) {
                        if (!file || (c != '\r' && c != '\n')) { // curl's -d @file drops newlines, -d TEXT keeps them
                            all.write(c);
                        }
                    }
                }
                case BINARY -> all.writeBytes(read(item.value()));
                case RAW -> all.writeBytes(item.value().getBytes(StandardCharsets.UTF_8));
                case URLENCODE -> all.writeBytes(urlencoded(item.value()));
            }
        }
        return all.toByteArray();
    }

    /** curl's --data-urlencode forms: CONTENT, =CONTENT, NAME=CONTENT, @FILE, NAME@FILE (the first = or @ decides). */
    private byte[] urlencoded(String item) throws IOException {
        int cut = 0;
        while (cut < item.length() && item.charAt(cut) != '=' && item.charAt(cut) != '@') {
            cut++;
        }
        if (cut == item.length()) {
            return FormData.percentEncode(item.getBytes(StandardCharsets.UTF_8));
        }
        String name = item.substring(0, cut);
        byte[] content = item.charAt(cut) == '@' ? read(item.substring(cut)) // @FILE, newlines kept
                : item.substring(cut + 1).getBytes(StandardCharsets.UTF_8);
        String encoded = new String(FormData.percentEncode(content), StandardCharsets.US_ASCII);
        return (name.isEmpty() ? encoded : name + "=" + encoded).getBytes(StandardCharsets.UTF_8);
    }

    /** The -F and --form-string parts, in command-line order. */
    private RequestBody form(List<GetRequestOptions.Form> items) throws IOException {
        MultipartBody.Builder b = MultipartBody.builder();
        for (GetRequestOptions.Form item : items) {
            FormSpec f = FormSpec.parse(item.arg(), item.literal());
            switch (f.source()) {
                case TEXT -> b.part(f.name(), f.value().getBytes(StandardCharsets.UTF_8), f.filename(), f.type());
                case FILE_CONTENT -> b.part(f.name(), read("@" + f.value()), f.filename(), f.type());
                case FILE_UPLOAD -> {
                    if (f.value().equals("-")) { // stdin: read (bounded) like -d @-, sent as binary data
                        b.part(f.name(), read("@-"), f.filename(), f.type() != null ? f.type() : "application/octet-stream");
                    } else {
                        b.file(f.name(), Path.of(f.value()), f.filename(), f.type()); // streamed, type guessed
                    }
                }
            }
        }
        return b.build();
    }

    private byte[] join(List<String> items) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String item : items) {
            all.writeBytes(read(item)); // curl concatenates --json pieces as they are
        }
        return all.toByteArray();
    }

    private byte[] read(String item) throws IOException {
        if (!item.startsWith("@")) {
            return item.getBytes(StandardCharsets.UTF_8);
        }
        byte[] known = read.get(item);
        if (known != null) {
            return known;
        }
        byte[] bytes = readFile(item);
        read.put(item, bytes);
        return bytes;
    }

    private byte[] readFile(String item) throws IOException {
        String name = item.substring(1);
        try (InputStream in = name.equals("-") ? stdin : Files.newInputStream(Path.of(name))) {
            byte[] bytes = in.readNBytes(MAX_DATA_BYTES + 1);
            if (bytes.length > MAX_DATA_BYTES) {
                throw new IOException(name + " holds more than " + MAX_DATA_BYTES + " bytes; upload big files with -T");
            }
            return bytes;
        }
    }

    /** curl appends the local file name to an upload URL that ends in a slash. */
    private static URI withFileName(URI uri, String file) {
        String path = uri.getRawPath();
        if (file.equals("-") || path == null || !(path.isEmpty() || path.endsWith("/"))) {
            return uri;
        }
        String name = Path.of(file).getFileName().toString();
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        String s = uri.toString();
        int cut = s.length() - (uri.getRawQuery() == null ? 0 : uri.getRawQuery().length() + 1)
                - (uri.getRawFragment() == null ? 0 : uri.getRawFragment().length() + 1);
        return URI.create(s.substring(0, cut) + (path.isEmpty() ? "/" : "") + encoded + s.substring(cut));
    }
}
