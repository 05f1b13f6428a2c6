package io.inetkit.net;

/** Whether {@link Netrc#load(java.nio.file.Path, NetrcFileCheck)} checks who may read the file. */
public enum NetrcFileCheck {
    /** No check, as curl does (and Python for a file it is given by name). */
    NONE,
    /**
     * As Python's {@code netrc} does for the default {@code ~/.netrc} on POSIX: when the file
     * holds a password or account for a login other than {@code anonymous}, it must be owned by
     * the current user and give no permission to group or others. Not checked where the file
     * system has no POSIX permissions.
     */
    OWNER_ONLY
}
