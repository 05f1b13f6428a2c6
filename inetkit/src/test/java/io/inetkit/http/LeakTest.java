package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A response dropped without being closed does not hold its connection forever. */
@Timeout(30)
class LeakTest {

    @Test
    void unclosedBodyIsReclaimedByTheCleaner() throws Exception {
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
                System.gc(); // the response is unreachable: the cleaner closes its connection
            }
            assertThat(serverSawClose.getCount()).isZero();
        }
    }

    private static void sendAndDrop(HttpClient client, RawServer s) throws Exception {
        HttpResponse r = client.send(HttpRequest.get(s.url("/")));
        assertThat(r.status()).isEqualTo(200);
    }
}
