package io.inetkit.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/** Protocols and settings shared by the event-server tests. */
final class EventProtocols {
    /** Echoes what each read returns; stateless, so one instance serves every connection. */
    static final StreamProtocol ECHO = new StreamProtocol() {
        @Override
        public void received(EventConnection connection, ByteBuffer data) {
            connection.write(data);
        }
    };

    private EventProtocols() {
    }

    static Supplier<StreamProtocol> echo() {
        return () -> ECHO;
    }

    /** Two loops, so that hand-offs between loops are exercised even on one core. */
    static ServerConfig.Builder config() {
        return ServerConfig.builder().closeGrace(Duration.ofSeconds(1)).eventLoops(2).name("events-test");
    }

    /** Decodes the bytes without consuming them. */
    static String text(ByteBuffer data) {
        return StandardCharsets.UTF_8.decode(data.duplicate()).toString();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
