package io.inetkit.cli;

import java.nio.file.Path;

/**
 * Where one URL of {@code inet get} goes: a file (-o FILE), the URL's own file name (-O) or
 * stdout (no -o, or -o -).
 *
 * @param kind which of the three
 * @param file the -o file, else null
 */
record OutputChoice(Kind kind, Path file) {
    /** The three places. */
    enum Kind { FILE, REMOTE_NAME, STDOUT }

    static final OutputChoice STDOUT = new OutputChoice(Kind.STDOUT, null);
    static final OutputChoice REMOTE_NAME = new OutputChoice(Kind.REMOTE_NAME, null);

    OutputChoice {
        if ((kind == Kind.FILE) != (file != null)) {
            throw new IllegalArgumentException("a file is given exactly for Kind.FILE, got " + kind + " and " + file);
        }
    }
}
