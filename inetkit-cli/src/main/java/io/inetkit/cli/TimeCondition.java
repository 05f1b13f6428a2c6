package io.inetkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * curl's {@code -z}: fetch the document only if it changed after {@code time}
 * (If-Modified-Since), or, with {@code olderThan} (a leading '-'), only if it did not
 * (If-Unmodified-Since). A server that ignores the header is held to it by the response's
 * Last-Modified, as curl does.
 *
 * @param time the time, whole seconds (HTTP dates have no more)
 * @param olderThan true for If-Unmodified-Since
 */
record TimeCondition(Instant time, boolean olderThan) {

    /**
     * Reads -z's argument: a date ({@link CurlDate}), else the name of a file whose modification
     * time is taken.
     *
     * @return the condition, or empty when the argument is neither (curl then warns and goes on without)
     */
    static Optional<TimeCondition> parse(String arg) {
        boolean older = arg.startsWith("-");
        String rest = older ? arg.substring(1) : arg;
        Optional<Instant> date = CurlDate.parse(rest);
        if (date.isEmpty()) {
            try {
                Path file = Path.of(rest);
                if (!rest.isEmpty() && Files.exists(file)) {
                    date = Optional.of(Files.getLastModifiedTime(file).toInstant());
                }
            } catch (IOException | InvalidPathException e) {
                // neither a date nor a readable file
            }
        }
        return date.map(d -> new TimeCondition(d.truncatedTo(ChronoUnit.SECONDS), older));
    }

    /** @return the request header's name */
    String headerName() {
        return olderThan ? "If-Unmodified-Since" : "If-Modified-Since";
    }

    /** @return the request header's value, an HTTP date */
    String headerValue() {
        return CurlDate.http(time);
    }

    /** @return true if a document last modified at {@code lastModified} is the one asked for */
    boolean isMetBy(Instant lastModified) {
        return olderThan ? lastModified.isBefore(time) : lastModified.isAfter(time);
    }
}
