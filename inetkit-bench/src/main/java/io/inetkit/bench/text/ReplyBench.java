package io.inetkit.bench.text;

import io.inetkit.text.LineReader;
import io.inetkit.text.Reply;
import io.inetkit.text.ReplyReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.apache.commons.net.io.CRLFLineReader;
import org.apache.commons.net.smtp.SMTP;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading one stream of 10,001 SMTP replies (a greeting, then single-line replies and, one in
 * five, an 8-line EHLO reply) from memory. One operation reads the whole stream.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReplyBench {

    static final int REPLIES = 10_000;

    byte[] input;

    /** Builds the input and checks that every side reads the same number of replies. */
    @Setup
    public void setup() throws IOException {
        input = Inputs.replies(REPLIES);
        int expected = Inputs.replyCount(REPLIES);
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        check("inetkit", inetkitReadReply(bh), expected);
        check("commons-net SMTP", commonsNetSmtpGetReply(bh), expected);
        check("commons-net lines", commonsNetCrlfLinesAndCode(bh), expected);
        bh.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }

    private static void check(String side, int got, int expected) {
        if (got != expected) {
            throw new IllegalStateException(side + " read " + got + " replies, expected " + expected);
        }
    }

    /** Ours: {@link ReplyReader#readReply()} over a {@link LineReader} (ISO-8859-1), as TextConnection does. */
    @Benchmark
    public int inetkitReadReply(Blackhole bh) throws IOException {
        ReplyReader replies = new ReplyReader(new LineReader(new ByteArrayInputStream(input), StandardCharsets.ISO_8859_1));
        int n = 0;
        for (int i = 0; i < REPLIES + 1; i++) {
            Reply r = replies.readReply();
            bh.consume(r);
            n++;
        }
        return n;
    }

    /**
     * Commons Net for real: {@link SMTP#getReply()} on an SMTP client "connected" to a fake
     * socket whose input is the byte array (connect reads the greeting, as with a server).
     */
    @Benchmark
    public int commonsNetSmtpGetReply(Blackhole bh) throws IOException {
        SMTP smtp = new SMTP(); // ISO-8859-1, like ours
        smtp.setSocketFactory(new MemorySocketFactory(input));
        smtp.connect(InetAddress.getLoopbackAddress(), 25); // reads the 220 greeting
        bh.consume(smtp.getReplyCode());
        int n = 1;
        for (int i = 0; i < REPLIES; i++) {
            bh.consume(smtp.getReply()); // the lines stay in the client; getReply() also joins them
            n++;
        }
        return n;
    }

    /**
     * Commons Net's line reader plus the reply loop of {@code SMTP.getReply()} copied without
     * its extras (no listener call, no joined reply string): lines into a list, the code parsed.
     */
    @Benchmark
    public int commonsNetCrlfLinesAndCode(Blackhole bh) throws IOException {
        CRLFLineReader reader = new CRLFLineReader(new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.ISO_8859_1));
        int n = 0;
        for (int i = 0; i < REPLIES + 1; i++) {
            List<String> lines = new ArrayList<>();
            String line = reader.readLine();
            if (line == null || line.length() < 3) {
                throw new IOException("bad reply " + line);
            }
            int code = Integer.parseInt(line.substring(0, 3));
            lines.add(line);
            if (line.length() > 3 && line.charAt(3) == '-') {
                do {
                    line = reader.readLine();
                    if (line == null) {
                        throw new IOException("closed");
                    }
                    lines.add(line);
                } while (!(line.length() >= 4 && line.charAt(3) != '-' && Character.isDigit(line.charAt(0))));
            }
            bh.consume(code);
            bh.consume(lines);
            n++;
        }
        return n;
    }

    /** Makes sockets that "connect" to nothing and read from a byte array. */
    static final class MemorySocketFactory extends SocketFactory {
        private final byte[] input;

        MemorySocketFactory(byte[] input) {
            this.input = input;
        }

        @Override
        public Socket createSocket() {
            return new MemorySocket(new ByteArrayInputStream(input));
        }

        @Override
        public Socket createSocket(String host, int port) {
            return createSocket();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            return createSocket();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            return createSocket();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            return createSocket();
        }
    }

    /** An unconnected socket whose streams are in memory; connect and timeouts do nothing. */
    static final class MemorySocket extends Socket {
        private final InputStream in;

        MemorySocket(InputStream in) {
            this.in = in;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) {
        }

        @Override
        public void setSoTimeout(int timeout) {
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public boolean isConnected() {
            return true;
        }
    }
}
