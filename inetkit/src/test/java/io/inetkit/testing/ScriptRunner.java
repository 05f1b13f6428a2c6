package io.inetkit.testing;

import io.inetkit.server.Connection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a script's steps on one connection and turns the first problem into a failure report. */
final class ScriptRunner {
    /** The most body bytes an {@code expectDotBody} step keeps. */
    static final int MAX_BODY = 64 * 1024 * 1024;
    /** How much of a long value a report shows. */
    private static final int SHOWN = 2000;

    /** A step did not get what it expected; the message says what came instead. */
    static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    private final List<Step> steps;
    private final Duration timeout;
    private final ScriptedConnection log;

    ScriptRunner(Script script, Duration timeout, ScriptedConnection log) {
        this.steps = script.steps();
        this.timeout = timeout;
        this.log = log;
    }

    /** Runs every step; on a problem records the report in the log and returns. */
    void run(Connection connection) {
        Wire wire = new Wire(connection, log, timeout);
        int i = 0;
        try {
            for (; i < steps.size(); i++) {
                perform(steps.get(i), wire);
            }
            if (steps.isEmpty() || !Step.isFinal(steps.getLast())) {
                byte[] extra = wire.buffered();
                if (extra.length > 0) {
                    throw new Mismatch("the script ended, but the client had sent more: \"" + shown(extra) + "\"");
                }
                wire.close();
            }
        } catch (Mismatch e) {
            fail(i, e.getMessage(), wire);
        } catch (Wire.ClientClosedException e) {
            fail(i, e.partial.length == 0 ? "the client closed the connection"
                    : "the client closed the connection in the middle of \"" + shown(e.partial) + "\"", wire);
        } catch (SocketTimeoutException e) {
            fail(i, "nothing (more) came from the client within " + timeout.toMillis() + " ms", wire);
        } catch (IOException e) {
            fail(i, "I/O failed: " + e, wire);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(i, "interrupted (the server was shut down)", wire);
        } catch (RuntimeException e) {
            fail(i, "the step threw " + e, wire);
        }
    }

    private void perform(Step step, Wire wire) throws IOException, Mismatch, InterruptedException {
        switch (step) {
            case Step.Send s -> wire.write(s.bytes());
            case Step.Expect e -> {
                byte[] line = wire.readLine();
                byte[] want = Arrays.copyOf(e.line(), e.line().length + 2);
                want[want.length - 2] = '\r';
                want[want.length - 1] = '\n';
                if (!Arrays.equals(line, want)) {
                    throw new Mismatch("the client sent \"" + shown(line) + "\"" + lineHint(line));
                }
            }
            case Step.ExpectMatching m -> {
                byte[] line = wire.readLine();
                if (!endsWithCrLf(line)) {
                    throw new Mismatch("the client sent \"" + shown(line) + "\"" + lineHint(line));
                }
                String text = new String(line, 0, line.length - 2, m.charset());
                if (!m.pattern().matcher(text).matches()) {
                    throw new Mismatch("the client sent \"" + shown(line) + "\", which does not match");
                }
            }
            case Step.ExpectRaw r -> {
                byte[] got = wire.readExactly(r.bytes().length);
                if (!Arrays.equals(got, r.bytes())) {
                    throw new Mismatch("the client sent \"" + shown(got) + "\"");
                }
            }
            case Step.ExpectDotBody d -> readBody(d, wire);
            case Step.StartTls t -> {
                if (wire.isTls()) {
                    throw new Mismatch("the connection already uses TLS");
                }
                // Only what came with the line that asked for TLS: the ClientHello may already be on its way.
                byte[] early = wire.buffered();
                if (early.length > 0) {
                    throw new Mismatch("the client sent plaintext after asking for TLS, before the handshake: \""
                            + shown(early) + "\"");
                }
                wire.startTls(t.context());
            }
            case Step.Pause p -> {
                if (!p.latch().await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new Mismatch("the test did not release the latch within " + timeout.toMillis() + " ms");
                }
            }
            case Step.Signal s -> s.latch().countDown();
            case Step.Close c -> wire.close();
            case Step.Reset r -> wire.reset();
            case Step.ExpectClose c -> {
                byte[] more = wire.readSome();
                if (more != null) {
                    throw new Mismatch("the client sent \"" + shown(more) + "\" instead of closing");
                }
            }
        }
    }

    private void readBody(Step.ExpectDotBody step, Wire wire) throws IOException, Mismatch {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int number = 0;
        while (true) {
            byte[] line = wire.readLine();
            number++;
            if (!endsWithCrLf(line)) {
                throw new Mismatch("body line " + number + " is \"" + shown(line) + "\"" + lineHint(line));
            }
            if (line.length == 3 && line[0] == '.') {
                break;
            }
            int skip = line[0] == '.' ? 1 : 0; // un-stuff
            if (body.size() + line.length > MAX_BODY) {
                throw new Mismatch("the body is longer than " + MAX_BODY + " bytes");
            }
            body.write(line, skip, line.length - skip);
        }
        byte[] got = body.toByteArray();
        log.addBody(got);
        if (step.expected() != null && !Arrays.equals(got, step.expected())) {
            throw new Mismatch("the body (un-stuffed) was \"" + shown(got) + "\"");
        }
    }

    private void fail(int index, String problem, Wire wire) {
        StringBuilder sb = new StringBuilder();
        sb.append("ScriptedServer connection ").append(log.index()).append(" failed ");
        if (index < steps.size()) {
            sb.append("at step ").append(index + 1).append(" of ").append(steps.size()).append(": ")
                    .append(steps.get(index).describe());
        } else {
            sb.append("after the last step (").append(steps.size()).append(")");
        }
        sb.append("\n  problem: ").append(problem);
        sb.append("\n  transcript (S: server sent, C: client sent, as read by the script):\n").append(log.transcript());
        byte[] unread = wire.buffered();
        if (unread.length > 0) {
            sb.append("  not yet read from the client: \"").append(shown(unread)).append("\"\n");
        }
        log.fail(sb.toString());
    }

    private static boolean endsWithCrLf(byte[] line) {
        return line.length >= 2 && line[line.length - 2] == '\r' && line[line.length - 1] == '\n';
    }

    private static String lineHint(byte[] line) {
        if (line.length > 0 && line[line.length - 1] == '\n' && !endsWithCrLf(line)) {
            return " (a bare LF, not CRLF)";
        }
        if (line.length >= Wire.MAX_LINE) {
            return " (cut: no LF within " + Wire.MAX_LINE + " bytes)";
        }
        return "";
    }

    private static String shown(byte[] b) {
        if (b.length <= SHOWN) {
            return Step.Escape.bytes(b);
        }
        return Step.Escape.bytes(b, 0, SHOWN) + "...(" + b.length + " bytes)";
    }
}
