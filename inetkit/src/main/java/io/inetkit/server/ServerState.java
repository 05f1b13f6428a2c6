package io.inetkit.server;

/** The life cycle of a server. */
public enum ServerState {
    /** Bound and listening, not yet accepting connections. */
    CREATED,
    /** Accepting and serving connections. */
    RUNNING,
    /** Shutdown started: no longer accepting, connections in flight are finishing. */
    STOPPING,
    /** Shut down: the listener is closed and no handler runs any more (or the hard bound passed). */
    TERMINATED
}
