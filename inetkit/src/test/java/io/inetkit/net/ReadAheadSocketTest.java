package io.inetkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ReadAheadSocketTest {

    @Test
    void readsAheadOnlyOnceSwitchedOnAndDeliversEveryByteInOrder() throws Exception {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ReadAheadSocket client = new ReadAheadSocket()) {
            client.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()));
            try (Socket peer = server.accept()) {
                OutputStream out = peer.getOutputStream();
                out.write(data);
                out.flush();

                InputStream before = client.getInputStream();
                byte[] got = new byte[data.length];
                int head = before.readNBytes(got, 0, 10); // the plaintext phase: straight from the socket

                client.startReadAhead();
                InputStream after = client.getInputStream();
                assertThat(after).isNotSameAs(before).isSameAs(client.getInputStream());
                assertThat(after.read(got, head, 5)).isEqualTo(5); // a TLS record header: one read fills the buffer
                assertThat(after.available()).as("read ahead").isGreaterThan(5);
                int n = head + 5 + after.readNBytes(got, head + 5, data.length - head - 5);
                assertThat(n).isEqualTo(data.length);
                assertThat(got).isEqualTo(data);
            }
        }
    }

    @Test
    void aClosedSocketRefusesItsStreamAsAPlainSocketDoes() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ReadAheadSocket client = new ReadAheadSocket()) {
            client.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()));
            try (Socket ignored = server.accept()) {
                client.startReadAhead();
                client.shutdownInput();
                assertThatThrownBy(client::getInputStream).isInstanceOf(SocketException.class).hasMessageContaining("shutdown");
                client.close();
                assertThatThrownBy(client::getInputStream).isInstanceOf(SocketException.class).hasMessageContaining("closed");
            }
        }
    }

    @Test
    void theDialerHandsOutSocketsThatTlsSwitchesToReadAhead() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket s = Dialer.builder().build().connect(Endpoint.of("127.0.0.1", server.getLocalPort()));
             Socket ignored = server.accept()) {
            assertThat(s).isInstanceOf(ReadAheadSocket.class);
        }
    }
}
