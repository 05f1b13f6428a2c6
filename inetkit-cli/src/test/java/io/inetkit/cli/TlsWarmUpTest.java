package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlsWarmUpTest {

    @Test
    void warmsBothKeyExchangeGroupsOfTheJdkClient() {
        // false would mean this JDK lacks x25519 or secp256r1, and the warm-up would warm nothing.
        assertThat(TlsWarmUp.run()).isTrue();
    }

    @Test
    void runsOnADaemonThreadThatEnds() throws InterruptedException {
        Thread t = TlsWarmUp.start();
        assertThat(t.isDaemon()).isTrue();
        t.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(t.isAlive()).isFalse();
    }
}
