package io.inetkit.text;

import java.io.IOException;

/**
 * Receives the replies of a pipeline as they arrive, e.g. to read the article body that
 * follows each NNTP {@code 220} reply with {@link TextConnection#body()}.
 */
@FunctionalInterface
public interface ExchangeHandler {

    /**
     * Handles one reply. A body left unread is drained afterwards. The handler must not
     * send commands: the pipeline is still sending.
     *
     * @param command the command line as the transcript shows it (masked if it holds a secret)
     * @param reply its reply
     * @throws IOException to stop the pipeline (the connection is then closed)
     */
    void handle(String command, Reply reply) throws IOException;
}
