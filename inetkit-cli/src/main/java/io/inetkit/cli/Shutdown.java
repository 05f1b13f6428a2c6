package io.inetkit.cli;

/** Shutdown hooks for the servers: Ctrl-C and SIGTERM stop them gracefully. */
final class Shutdown {
    private Shutdown() {
    }

    /**
     * Adds a hook, unless the JVM is already shutting down (a Ctrl-C that came while the
     * server was starting): then there is nothing left to stop gracefully.
     *
     * @return whether the hook was added
     */
    static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }
}
