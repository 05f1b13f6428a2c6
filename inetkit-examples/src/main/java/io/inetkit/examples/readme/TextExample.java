package io.inetkit.examples.readme;

import io.inetkit.net.Dialer;
import io.inetkit.net.Endpoint;
import io.inetkit.text.Reply;
import io.inetkit.text.TextConnection;
import io.inetkit.text.TextOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** README: the line-protocol core, the way every protocol client uses it. */
public final class TextExample {
    private TextExample() {
    }

    /**
     * Sends one message to an SMTP server.
     *
     * @param host the server
     * @param port its port
     * @return the server's EHLO reply lines
     * @throws IOException if the server refuses something
     */
    public static List<String> sendMail(String host, int port) throws IOException {
        // README:text
        try (TextConnection smtp = TextConnection.connect(Dialer.defaults(), Endpoint.of(host, port),
                TextOptions.DEFAULT)) {
            smtp.readReply(220);                                  // the greeting, checked once, here
            Reply ehlo = smtp.command(250, "EHLO client.example");
            smtp.command(250, "MAIL FROM:<ada@example.org>");
            smtp.command(25, "RCPT TO:<bob@example.org>");        // 25 = any of 250..259
            smtp.command(354, "DATA");
            try (OutputStream body = smtp.bodyWriter()) {         // dot-stuffed; close writes "."
                body.write("Subject: hi\r\n\r\n.leading dot survives\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            smtp.readReply(250);
            smtp.command(221, "QUIT");
            return ehlo.lines();
        }
        // a 4xx or 5xx reply throws ReplyException carrying the reply (code and text)
        // README:end
    }
}
