package io.inetkit.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.http.HttpServer;
import io.inetkit.xmlrpc.XmlRpcValue.ArrayValue;
import io.inetkit.xmlrpc.XmlRpcValue.Base64Value;
import io.inetkit.xmlrpc.XmlRpcValue.BooleanValue;
import io.inetkit.xmlrpc.XmlRpcValue.DateTimeValue;
import io.inetkit.xmlrpc.XmlRpcValue.DoubleValue;
import io.inetkit.xmlrpc.XmlRpcValue.IntValue;
import io.inetkit.xmlrpc.XmlRpcValue.LongValue;
import io.inetkit.xmlrpc.XmlRpcValue.NilValue;
import io.inetkit.xmlrpc.XmlRpcValue.StringValue;
import io.inetkit.xmlrpc.XmlRpcValue.StructValue;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A deterministic, seeded fuzzer for XML-RPC decoding. Valid documents of every type are
 * mutated (bytes, tags, truncation, nesting, DOCTYPEs, encodings, ...) and decoded as request
 * and as response under several configurations. Properties: a decode yields a value tree that
 * respects the limits, or an {@link XmlRpcProtocolException} with a message; no other
 * throwable escapes; no external entity is read; whatever is accepted can be written and
 * reads back equal. Random value trees round-trip through writer and reader. Every few cases
 * the mutated call also goes to a dispatcher (and over HTTP to a server on loopback), which
 * must answer with a well-formed fault of the right code and keep serving.
 */
@Timeout(120)
class XmlRpcFuzzTest {

    private static final int CASES_PER_SEED = 1500;
    private static final int HTTP_EVERY = 60;
    private static final String SECRET = "TOP-SECRET-FUZZ-7d1e";

    private static final XmlRpcConfig SMALL = XmlRpcConfig.builder().maxDocumentBytes(6000)
            .maxDepth(6).maxValues(60).maxStringChars(300).maxBase64Bytes(90).build();
    static final List<XmlRpcConfig> CONFIGS = List.of(XmlRpcConfig.DEFAULT,
            XmlRpcConfig.DEFAULT.withExtensions(true),
            XmlRpcConfig.builder().extensions(true)
                    .extensionNames(XmlRpcConfig.ExtensionNames.APACHE).build(),
            SMALL, SMALL.withExtensions(true));

    private static final XmlRpcCodec SERVER =
            new XmlRpcCodec(XmlRpcConfig.DEFAULT.withExtensions(true));

    @TempDir
    static Path dir;
    static String secretUri;

    @BeforeAll
    static void secretFile() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        secretUri = secret.toUri().toString();
    }

    // ---------------------------------------------------------------- properties

    /** The fixed seeds, or {@code -Dinetkit.fuzz.seed=N} instead for a campaign by hand (as the other fuzzers). */
    private static LongStream seeds(long... fixed) {
        Long chosen = Long.getLong("inetkit.fuzz.seed");
        return chosen == null ? LongStream.of(fixed) : LongStream.of(chosen);
    }

    static LongStream mutationSeeds() {
        return seeds(1L, 42L, 20261125L);
    }

    static LongStream treeSeeds() {
        return seeds(7L, 99L, 31337L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("mutationSeeds")
    void mutatedDocumentsDecodeOrFailCleanly(long seed) throws Exception {
        List<XmlRpcCodec> codecs = CONFIGS.stream().map(XmlRpcCodec::new).toList();
        XmlRpcDispatcher dispatcher = dispatcher(SERVER.config());
        // The echo answer nests the call's parameters one level deeper: read it with room.
        XmlRpcCodec serverCodec = new XmlRpcCodec(XmlRpcConfig.builder().extensions(true)
                .maxDepth(XmlRpcConfig.DEFAULT.maxDepth() + 1).build());
        try (HttpServer server = HttpServer.builder()
                .post("/RPC2", new XmlRpcHttpHandler(dispatcher)).start()) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .build();
            URI endpoint = server.uri().resolve("/RPC2");
            int[] outcomes = new int[2];   // accepted, refused decodes
            for (int c = 0; c < CASES_PER_SEED; c++) {
                // One generator per case: a case replays alone, and the temporary directory's
                // name (its length varies) cannot shift the cases after it.
                Random rnd = new Random(seed * 1_000_003L + c);
                String where = "seed " + seed + " case " + c;
                int rounds = rnd.nextInt(8) == 0 ? 0 : rnd.nextInt(3) + 1;   // some stay valid
                byte[] doc = XmlRpcFuzzInputs.mutate(rnd, XmlRpcFuzzInputs.corpus(rnd),
                        rounds);
                for (int i = 0; i < codecs.size(); i++) {
                    XmlRpcCodec codec = codecs.get(i);
                    String ctx = where + " config " + i + " doc " + show(doc);
                    outcomes[checkRequest(codec, doc, ctx) ? 0 : 1]++;
                    outcomes[checkResponse(codec, doc, ctx) ? 0 : 1]++;
                }
                XmlRpcCodec codec = codecs.get(rnd.nextInt(codecs.size()));
                checkStreamed(codec, doc, rnd, where + " doc " + show(doc));
                checkClient(codec.config(), doc, where + " doc " + show(doc));
                checkServer(dispatcher, serverCodec, doc, where + " doc " + show(doc));
                if (c % HTTP_EVERY == 0) {
                    checkHttp(http, endpoint, serverCodec, doc, where + " doc " + show(doc));
                    checkHttp(http, endpoint, serverCodec, serverCodec.encodeRequest(
                            XmlRpcRequest.of("echo", "still", 1)), where + " (valid call)");
                }
            }
            // Not all garbage, not all valid: the mutations must leave both kinds.
            System.out.printf("XmlRpcFuzzTest seed %d: %d decodes accepted, %d refused%n",
                    seed, outcomes[0], outcomes[1]);
            assertThat(outcomes[0]).as("accepted").isGreaterThan(CASES_PER_SEED / 5);
            assertThat(outcomes[1]).as("refused").isGreaterThan(CASES_PER_SEED / 5);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("treeSeeds")
    void randomTreesRoundTrip(long seed) throws Exception {
        Random rnd = new Random(seed);
        for (int c = 0; c < 700; c++) {
            XmlRpcConfig config = CONFIGS.get(rnd.nextInt(3));   // the unlimited ones
            XmlRpcCodec codec = new XmlRpcCodec(config);
            List<XmlRpcValue> params = new ArrayList<>();
            for (int i = rnd.nextInt(4); i > 0; i--) {
                params.add(XmlRpcFuzzInputs.tree(rnd, 4, config.extensions()));
            }
            String where = "seed " + seed + " case " + c + " ext " + config.extensions();
            XmlRpcRequest request = new XmlRpcRequest(rnd.nextBoolean() ? "a.b_c" : "m" + c,
                    params);
            byte[] doc = codec.encodeRequest(request);
            assertThat(codec.decodeRequest(doc)).as(where + " doc " + show(doc))
                    .isEqualTo(request);
            XmlRpcResponse response = rnd.nextInt(5) == 0
                    ? new XmlRpcResponse.Failure(rnd.nextInt(),
                            XmlRpcFuzzInputs.randomString(rnd, 30))
                    : new XmlRpcResponse.Success(
                            XmlRpcFuzzInputs.tree(rnd, 4, config.extensions()));
            doc = codec.encodeResponse(response);
            assertThat(codec.decodeResponse(doc)).as(where + " doc " + show(doc))
                    .isEqualTo(response);
        }
    }

    private boolean checkRequest(XmlRpcCodec codec, byte[] doc, String ctx) {
        XmlRpcRequest r;
        try {
            r = codec.decodeRequest(doc);
        } catch (Throwable t) {
            expectProtocolException(t, ctx);
            return false;
        }
        Budget b = accepted(codec, doc, ctx);
        assertThat(r.methodName()).as(ctx).isNotBlank();
        assertThat(r.methodName().length()).as(ctx).isLessThanOrEqualTo(
                codec.config().maxStringChars());
        for (XmlRpcValue v : r.params()) {
            valid(v, 0, codec.config(), b, ctx);
        }
        reencodes(codec, r, ctx);
        return true;
    }

    private boolean checkResponse(XmlRpcCodec codec, byte[] doc, String ctx) {
        XmlRpcResponse r;
        try {
            r = codec.decodeResponse(doc);
        } catch (Throwable t) {
            expectProtocolException(t, ctx);
            return false;
        }
        Budget b = accepted(codec, doc, ctx);
        if (r instanceof XmlRpcResponse.Success s) {
            valid(s.value(), 0, codec.config(), b, ctx);
        } else {
            assertThat(((XmlRpcResponse.Failure) r).faultString()).as(ctx)
                    .doesNotContain(SECRET);
        }
        reencodes(codec, r, ctx);
        return true;
    }

    /**
     * Reading from a stream that hands out the bytes in random small pieces gives the same
     * outcome as reading the array; a failing stream's own exception comes out unchanged.
     */
    private static void checkStreamed(XmlRpcCodec codec, byte[] doc, Random rnd, String ctx) {
        Object whole;
        try {
            whole = codec.decodeRequest(doc);
        } catch (XmlRpcProtocolException e) {
            whole = "failed";   // which error comes first may depend on the piece sizes
        }
        Object pieces;
        try {
            pieces = codec.readRequest(new Trickle(doc, rnd.nextLong(), false));
        } catch (XmlRpcProtocolException e) {
            pieces = "failed";
        } catch (Throwable t) {
            throw new AssertionError(ctx + ": unexpected " + t, t);
        }
        assertThat(pieces).as(ctx + ": read in pieces").isEqualTo(whole);
        try {
            codec.readRequest(new Trickle(doc, rnd.nextLong(), true));
            throw new AssertionError(ctx + ": the stream's failure was lost");
        } catch (Trickle.Broken expected) {
            // the transport's own failure, as it is
        } catch (XmlRpcProtocolException e) {
            expectProtocolException(e, ctx);   // the document failed before its end
        } catch (Throwable t) {
            throw new AssertionError(ctx + ": unexpected " + t, t);
        }
    }

    /** Hands out a document in random pieces of 0 to 7 bytes, optionally failing at its end. */
    private static final class Trickle extends java.io.InputStream {
        static final class Broken extends java.io.IOException {
            private static final long serialVersionUID = 1L;

            Broken() {
                super("connection reset (test)");
            }
        }

        private final byte[] doc;
        private final Random rnd;
        private final boolean fail;
        private int pos;

        Trickle(byte[] doc, long seed, boolean fail) {
            this.doc = doc;
            this.rnd = new Random(seed);
            this.fail = fail;
        }

        @Override
        public int read() throws java.io.IOException {
            byte[] one = new byte[1];
            int n;
            while ((n = read(one, 0, 1)) == 0) {
                // a piece of 0 bytes: ask again
            }
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            if (pos == doc.length) {
                if (fail) {
                    throw new Broken();
                }
                return -1;
            }
            int n = Math.min(Math.min(len, doc.length - pos), 1 + rnd.nextInt(7));
            System.arraycopy(doc, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    enum Mode { ON, OFF }

    record Point(int x, String label, List<Double> weights) {
    }

    /** Every kind of declared result the proxy converts to. */
    interface Api {
        int anInt() throws java.io.IOException;
        long aLong() throws java.io.IOException;
        double aDouble() throws java.io.IOException;
        boolean aBoolean() throws java.io.IOException;
        String aString() throws java.io.IOException;
        byte[] bytes() throws java.io.IOException;
        LocalDateTime local() throws java.io.IOException;
        java.time.OffsetDateTime offset() throws java.io.IOException;
        java.time.Instant instant() throws java.io.IOException;
        Mode mode() throws java.io.IOException;
        Point point() throws java.io.IOException;
        int[] ints() throws java.io.IOException;
        List<String> strings() throws java.io.IOException;
        Map<String, Integer> map() throws java.io.IOException;
        Object object() throws java.io.IOException;
        XmlRpcValue value() throws java.io.IOException;
        Void nothing() throws java.io.IOException;
    }

    /** The client turns any reply into a value or an IOException with a message. */
    private static void checkClient(XmlRpcConfig config, byte[] reply, String ctx) {
        XmlRpcClient client = new XmlRpcClient(body -> new ByteArrayInputStream(reply), config);
        List<java.util.concurrent.Callable<?>> calls = List.of(
                () -> client.call("m", List.of(new IntValue(1))),
                () -> client.call("m", 1, "x"),
                () -> client.multicall(List.of(XmlRpcRequest.of("a"), XmlRpcRequest.of("b", 2))),
                client::listMethods,
                () -> client.methodHelp("m"),
                () -> client.methodSignature("m"));
        Api api = client.proxy(Api.class, "p");
        List<java.util.concurrent.Callable<?>> typed = List.of(api::anInt, api::aLong,
                api::aDouble, api::aBoolean, api::aString, api::bytes, api::local, api::offset,
                api::instant, api::mode, api::point, api::ints, api::strings, api::map,
                api::object, api::value, api::nothing);
        calls = new ArrayList<>(calls);
        calls.addAll(typed);
        for (var call : calls) {
            try {
                call.call();
            } catch (java.io.IOException e) {
                assertThat(e.getMessage()).as(ctx).isNotBlank().doesNotContain(SECRET);
            } catch (Throwable t) {
                throw new AssertionError(ctx + ": client let " + t + " escape", t);
            }
        }
    }

    /** The only failure decoding may report: a protocol exception with a message. */
    private static void expectProtocolException(Throwable t, String ctx) {
        if (!(t instanceof XmlRpcProtocolException) || t.getMessage() == null
                || t.getMessage().isBlank()) {
            throw new AssertionError(ctx + ": unexpected " + t, t);
        }
        assertThat(t.getMessage()).as(ctx).doesNotContain(SECRET);
    }

    private static Budget accepted(XmlRpcCodec codec, byte[] doc, String ctx) {
        assertThat(new String(doc, StandardCharsets.ISO_8859_1)).as(ctx + ": DOCTYPE accepted")
                .doesNotContain("<!DOCTYPE");
        assertThat((long) doc.length).as(ctx + ": accepted beyond maxDocumentBytes")
                .isLessThanOrEqualTo(codec.config().maxDocumentBytes());
        return new Budget();
    }

    /** Whatever the reader accepts, the writer writes and the reader reads back equal. */
    private static void reencodes(XmlRpcCodec codec, Object decoded, String ctx) {
        try {
            if (decoded instanceof XmlRpcRequest r) {
                assertThat(codec.decodeRequest(codec.encodeRequest(r))).as(ctx).isEqualTo(r);
            } else {
                XmlRpcResponse r = (XmlRpcResponse) decoded;
                assertThat(codec.decodeResponse(codec.encodeResponse(r))).as(ctx)
                        .isEqualTo(r);
            }
        } catch (XmlRpcProtocolException e) {
            throw new AssertionError(ctx + ": accepted " + decoded + " but not its re-encoding",
                    e);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(ctx + ": accepted " + decoded + " but cannot write it", e);
        }
    }

    private static final class Budget {
        int values;
    }

    private static void valid(XmlRpcValue v, int depth, XmlRpcConfig config, Budget b,
            String ctx) {
        assertThat(v).as(ctx).isNotNull();
        assertThat(++b.values).as(ctx + ": maxValues").isLessThanOrEqualTo(config.maxValues());
        switch (v) {
            case StringValue s -> assertThat(s.value().length()).as(ctx + ": maxStringChars")
                    .isLessThanOrEqualTo(config.maxStringChars());
            case Base64Value x -> assertThat(x.bytes().length).as(ctx + ": maxBase64Bytes")
                    .isLessThanOrEqualTo(config.maxBase64Bytes());
            case DoubleValue d -> assertThat(Double.isFinite(d.value())).as(ctx).isTrue();
            case LongValue l -> assertThat(config.extensions()).as(ctx + ": i8 needs ext")
                    .isTrue();
            case NilValue n -> assertThat(config.extensions()).as(ctx + ": nil needs ext")
                    .isTrue();
            case StructValue s -> {
                assertThat(depth + 1).as(ctx + ": maxDepth").isLessThanOrEqualTo(
                        config.maxDepth());
                s.members().forEach((k, m) -> {
                    assertThat(k.length()).as(ctx).isLessThanOrEqualTo(config.maxStringChars());
                    valid(m, depth + 1, config, b, ctx);
                });
            }
            case ArrayValue a -> {
                assertThat(depth + 1).as(ctx + ": maxDepth").isLessThanOrEqualTo(
                        config.maxDepth());
                a.elements().forEach(e -> valid(e, depth + 1, config, b, ctx));
            }
            case IntValue i -> { }
            case BooleanValue x -> { }
            case DateTimeValue d -> assertThat(d.dateTime()).as(ctx).isNotNull();
        }
        if (v instanceof StringValue s) {
            assertThat(s.value()).as(ctx + ": external entity read").doesNotContain(SECRET);
        }
    }

    /** The dispatcher answers every document: malformed ones with the matching fault. */
    private static void checkServer(XmlRpcDispatcher dispatcher, XmlRpcCodec codec, byte[] doc,
            String ctx) throws Exception {
        byte[] answer = dispatcher.handle(new ByteArrayInputStream(doc));
        checkAnswer(codec, doc, answer, ctx);
    }

    private static void checkAnswer(XmlRpcCodec codec, byte[] doc, byte[] answer, String ctx)
            throws Exception {
        XmlRpcResponse response = codec.decodeResponse(answer);
        XmlRpcRequest request;
        try {
            request = SERVER.decodeRequest(doc);   // as the dispatcher reads it
        } catch (XmlRpcProtocolException e) {
            int code = e.kind() == XmlRpcProtocolException.Kind.NOT_WELL_FORMED
                    ? FaultCodes.PARSE_ERROR : FaultCodes.INVALID_REQUEST;
            assertThat(response).as(ctx + " answer " + show(answer))
                    .isEqualTo(new XmlRpcResponse.Failure(code, e.getMessage()));
            return;
        }
        String as = ctx + " answer " + show(answer);
        switch (request.methodName()) {
            case "echo" -> assertThat(response).as(as).isEqualTo(
                    new XmlRpcResponse.Success(new ArrayValue(request.params())));
            case "fail" -> assertThat(response).as(as).isEqualTo(new XmlRpcResponse.Failure(
                    FaultCodes.APPLICATION_ERROR, "error in method fail"));
            case "system.multicall" -> assertThat(response).as(as).satisfiesAnyOf(
                    r -> assertThat(r).isInstanceOf(XmlRpcResponse.Success.class),
                    r -> assertThat(((XmlRpcResponse.Failure) r).faultCode())
                            .isEqualTo(FaultCodes.INVALID_PARAMS));
            default -> {
                if (!request.methodName().startsWith("system.")) {
                    assertThat(response).as(as).isInstanceOfSatisfying(
                            XmlRpcResponse.Failure.class, f -> assertThat(f.faultCode())
                                    .isEqualTo(FaultCodes.METHOD_NOT_FOUND));
                }
            }
        }
        if (response instanceof XmlRpcResponse.Failure f) {
            assertThat(f.faultCode()).as(as + ": a readable call must not end unencodable")
                    .isNotEqualTo(FaultCodes.INTERNAL_ERROR);
            assertThat(f.faultString()).as(as).doesNotContain("\tat ", "java.lang.");
        }
    }

    private static void checkHttp(HttpClient http, URI endpoint, XmlRpcCodec codec, byte[] doc,
            String ctx) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(doc)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(ctx + " body " + show(r.body())).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).as(ctx).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/xml"));
        checkAnswer(codec, doc, r.body(), ctx);
    }

    private static XmlRpcDispatcher dispatcher(XmlRpcConfig config) {
        return XmlRpcDispatcher.builder().config(config)
                .register("echo", ArrayValue::new)
                .register("fail", p -> {
                    throw new IllegalStateException("internal detail");
                })
                .build();
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The document for a failure message: printable, abbreviated. */
    static String show(byte[] doc) {
        StringBuilder sb = new StringBuilder("[").append(doc.length).append(" bytes] ");
        for (int i = 0; i < Math.min(doc.length, 600); i++) {
            int b = doc[i] & 0xff;
            sb.append(b >= 0x20 && b < 0x7f && b != '\\' ? String.valueOf((char) b)
                    : String.format("\\x%02x", b));
        }
        return doc.length > 600 ? sb + "..." : sb.toString();
    }
}
