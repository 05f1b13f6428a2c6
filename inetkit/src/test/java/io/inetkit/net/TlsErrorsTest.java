package io.inetkit.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What users read when TLS fails: JSSE's reasons without its class names. */
class TlsErrorsTest {
    @Test
    void nestedClassNamesAreDropped() {
        assertThat(TlsErrors.plain("PKIX path building failed: sun.security.provider.certpath"
                + ".SunCertPathBuilderException: unable to find valid certification path to requested target"))
                .isEqualTo("unable to find valid certification path to requested target");
        assertThat(TlsErrors.plain("No subject alternative names matching IP address 127.0.0.1 found"))
                .isEqualTo("No subject alternative names matching IP address 127.0.0.1 found");
        assertThat(TlsErrors.plain(null)).isEqualTo("no reason given");
    }
}
