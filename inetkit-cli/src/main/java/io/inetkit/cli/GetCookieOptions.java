package io.inetkit.cli;

import static io.inetkit.cli.OptionTable.names;

import io.inetkit.http.CookieFile;
import io.inetkit.http.CookieJar;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code inet get}'s cookies (curl's names): -b sends a string or reads a Netscape cookie file,
 * -c writes the cookies at the end, -j drops session cookies read from a file. As in curl, a
 * cookie file (-b FILE) or -c turns the cookie engine on: cookies the server sets are then sent
 * back, also on redirects.
 */
final class GetCookieOptions {
    List<String> cookies = new ArrayList<>();
    Path cookieJar;
    boolean junkSession;

    /** Declares these options on {@code inet get}'s spec, bound to this object's fields. */
    void declare(CommandSpec spec) {
        new OptionTable(spec)
                .list(names("-b", "--cookie"), "DATA|FILE",
                        "Send cookies: 'NAME=VALUE; N2=V2' (anything with '=') as a Cookie header"
                                + " (dropped on a redirect to another host), else read them from FILE"
                                + " (Netscape format as -c writes it; a missing file is no error). Repeatable.",
                        () -> cookies, v -> cookies = v)
                .value(names("-c", "--cookie-jar"), "FILE", Path.class, null,
                        "Write all cookies to FILE at the end (Netscape format; - is stdout).", v -> cookieJar = v)
                .flag(names("-j", "--junk-session-cookies"),
                        "Do not load session cookies (those without an expiry) from -b FILE.", v -> junkSession = v);
    }

    /** @return the -b strings joined for a Cookie header, or null if none */
    String cookieHeader() {
        List<String> strings = cookies.stream().filter(c -> c.indexOf('=') >= 0).toList();
        return strings.isEmpty() ? null : String.join("; ", strings);
    }

    /** @return the jar curl's cookie engine would use, with the -b files loaded, or null if the engine is off */
    CookieJar jar(Consumer<String> warn) {
        List<String> files = cookies.stream().filter(c -> c.indexOf('=') < 0).toList();
        if (files.isEmpty() && cookieJar == null) {
            return null;
        }
        CookieJar jar = CookieJar.inMemory();
        for (String file : files) {
            if (file.isEmpty()) {
                continue; // -b "" only turns the engine on, as in curl
            }
            try {
                CookieFile.Loaded loaded = CookieFile.load(Path.of(file));
                jar.addAll(junkSession ? loaded.persistentCookies() : loaded.cookies());
                if (loaded.skippedLines() > 0 || loaded.truncated()) {
                    warn.accept("skipped " + loaded.skippedLines() + " malformed line(s) in the cookie file " + file
                            + (loaded.truncated() ? " and stopped after " + CookieFile.MAX_LINES + " lines" : ""));
                }
            } catch (NoSuchFileException e) {
                // curl reads no cookies and goes on: the file is often the jar a first run creates
            } catch (IOException | java.nio.file.InvalidPathException e) {
                warn.accept("cannot read the cookie file " + file + ": " + e.getMessage());
            }
        }
        return jar;
    }

    /** -c: writes the jar; like curl, a failure is a warning, not a failed transfer. */
    void save(CookieJar jar, OutputStream stdout, Consumer<String> warn) {
        if (cookieJar == null || jar == null) {
            return;
        }
        try {
            if (cookieJar.toString().equals("-")) {
                CookieFile.write(stdout, jar.all(Instant.now()));
            } else {
                CookieFile.save(cookieJar, jar);
            }
        } catch (IOException e) {
            warn.accept("could not write the cookies to " + cookieJar + ": " + e.getMessage());
        }
    }
}
