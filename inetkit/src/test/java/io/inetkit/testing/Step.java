package io.inetkit.testing;

import java.nio.charset.Charset;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/** One step of a {@link Script}; {@link #describe()} is what a failure report shows as the expected step. */
sealed interface Step {

    /** {@return a one-line description, with bytes escaped} */
    String describe();

    /** Sends bytes exactly as given. */
    record Send(byte[] bytes) implements Step {
        @Override
        public String describe() {
            return "send \"" + Escape.bytes(bytes) + "\"";
        }
    }

    /** Expects one line, byte-exact, ending in CRLF. */
    record Expect(byte[] line) implements Step {
        @Override
        public String describe() {
            return "expect line \"" + Escape.bytes(line) + "\\r\\n\"";
        }
    }

    /** Expects one line ending in CRLF whose text matches a pattern in full. */
    record ExpectMatching(Pattern pattern, Charset charset) implements Step {
        @Override
        public String describe() {
            return "expect a line matching /" + pattern.pattern() + "/";
        }
    }

    /** Expects exactly these bytes. */
    record ExpectRaw(byte[] bytes) implements Step {
        @Override
        public String describe() {
            return "expect raw \"" + Escape.bytes(bytes) + "\"";
        }
    }

    /** Reads a dot-terminated body; keeps it un-stuffed and, when {@code expected} is set, compares it. */
    record ExpectDotBody(byte[] expected) implements Step {
        @Override
        public String describe() {
            return expected == null ? "expect a dot-terminated body"
                    : "expect the dot-terminated body \"" + Escape.bytes(expected) + "\"";
        }
    }

    /** Upgrades the connection to TLS, server side. */
    record StartTls(SSLContext context) implements Step {
        @Override
        public String describe() {
            return "start TLS (server side handshake)";
        }
    }

    /** Waits for a latch the test releases. */
    record Pause(CountDownLatch latch) implements Step {
        @Override
        public String describe() {
            return "pause until the test releases its latch";
        }
    }

    /** Counts a latch down, to tell the test the script got here. */
    record Signal(CountDownLatch latch) implements Step {
        @Override
        public String describe() {
            return "signal the test";
        }
    }

    /** Closes the connection (FIN, or close_notify then FIN over TLS); the script ends. */
    record Close() implements Step {
        @Override
        public String describe() {
            return "close the connection";
        }
    }

    /** Resets the connection (RST, SO_LINGER 0); the script ends. */
    record Reset() implements Step {
        @Override
        public String describe() {
            return "reset the connection";
        }
    }

    /** Expects the client to close its side, sending nothing more; the script ends. */
    record ExpectClose() implements Step {
        @Override
        public String describe() {
            return "expect the client to close the connection";
        }
    }

    /** Whether a step ends the script (nothing may follow it). */
    static boolean isFinal(Step step) {
        return step instanceof Close || step instanceof Reset || step instanceof ExpectClose;
    }

    /** Escapes bytes for one-line display. */
    final class Escape {
        private Escape() {
        }

        static String bytes(byte[] b) {
            return bytes(b, 0, b.length);
        }

        /** CR, LF, tab and backslash as {@code \r \n \t \\}; other controls and non-ASCII as {@code \xNN}. */
        static String bytes(byte[] b, int off, int len) {
            StringBuilder sb = new StringBuilder(len + 8);
            for (int i = off; i < off + len; i++) {
                int c = b[i] & 0xff;
                switch (c) {
                    case '\r' -> sb.append("\\r");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\\' -> sb.append("\\\\");
                    default -> {
                        if (c < 0x20 || c >= 0x7f) {
                            sb.append(String.format("\\x%02X", c));
                        } else {
                            sb.append((char) c);
                        }
                    }
                }
            }
            return sb.toString();
        }
    }
}
