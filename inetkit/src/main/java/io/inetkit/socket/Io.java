package io.inetkit.socket;

import java.io.IOException;
import java.nio.channels.SelectableChannel;

/** The one wait-and-retry loop behind every operation that honours the socket's timeout. */
final class Io {
    private Io() {
    }

    /** One non-blocking attempt at an operation: null means "not ready, wait and retry". */
    interface Step<R> {
        R attempt() throws IOException;
    }

    /**
     * Runs a step; if it is not ready, waits per the deadline and retries. A blocking channel
     * just blocks inside the step (cheap in a virtual thread: the JDK parks it).
     *
     * @param what the operation, for messages such as "recv timed out after 200 ms"
     */
    static <R> R run(String what, SelectableChannel ch, int ops, Waiter waiter, Deadline deadline, Step<R> step)
            throws IOException {
        R result = step.attempt();
        if (result != null || ch.isBlocking()) {
            return result;
        }
        if (deadline.nonBlocking()) {
            throw new WouldBlockException(Errno.EAGAIN, what + " would block");
        }
        while (true) {
            if (!waiter.await(ch, ops, deadline)) {
                throw new TimedOutException(what + " timed out after " + deadline.describe());
            }
            result = step.attempt();
            if (result != null) {
                return result;
            }
        }
    }
}
