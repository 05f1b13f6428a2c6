package io.inetkit.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs {@code inet} in-process with stdout captured as bytes. */
record CliRun(int code, byte[] stdout, String err) {
    static CliRun run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Main.run(out, new PrintWriter(err, true), args);
        return new CliRun(code, out.toByteArray(), err.toString());
    }

    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
