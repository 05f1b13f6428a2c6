package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A response dropped without being closed does not hold its connection forever, and is reported. */
@Timeout(30)
class LeakTest {

    @Test
    void unclosedBodyIsReclaimedByTheCleanerAndReportedAsAWarning() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Logger logger = Logger.getLogger("io.inetkit.http"); // System.Logger's default backend
        StreamHandler handler = new StreamHandler(log, new SimpleFormatter());
        logger.addHandler(handler);
        CountDownLatch serverSawClose = new CountDownLatch(1);
        try (RawServer s = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial");
            while (c.in.read() >= 0) {
                // wait for the client to close
            }
            serverSawClose.countDown();
        }); HttpClient client = HttpClient.newClient()) {
            sendAndDrop(client, s);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!serverSawClose.await(50, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                System.gc(); // the response is unreachable: the cleaner logs, then closes its connection
            }
            assertThat(serverSawClose.getCount()).isZero();
            handler.flush();
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("WARNING")
                    .contains("a response body was never closed").contains("try-with-resources");
        } finally {
            logger.removeHandler(handler);
        }
    }

    private static void sendAndDrop(HttpClient client, RawServer s) throws Exception {
        HttpResponse r = client.send(HttpRequest.get(s.url("/")));
        assertThat(r.status()).isEqualTo(200);
    }
}
