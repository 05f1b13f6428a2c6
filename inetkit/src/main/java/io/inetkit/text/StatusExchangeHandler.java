package io.inetkit.text;

import java.io.IOException;

/**
 * Receives the status replies of a POP3-style pipeline as they arrive, e.g. to read the
 * message that follows each {@code +OK} to {@code RETR} with {@link TextConnection#body()}.
 */
@FunctionalInterface
public interface StatusExchangeHandler {

    /**
     * Handles one reply. After a reply that has a body the handler must open it with
     * {@link TextConnection#body()} (the engine cannot tell which replies have one); what it
     * leaves unread is drained afterwards. The handler must not send commands: the pipeline
     * is still sending.
     *
     * @param command the command line as the transcript shows it (masked if it holds a secret)
     * @param reply its reply
     * @throws IOException to stop the pipeline (the connection is then closed)
     */
    void handle(String command, StatusReply reply) throws IOException;
}
