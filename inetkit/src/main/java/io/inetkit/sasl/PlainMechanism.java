package io.inetkit.sasl;

import java.io.ByteArrayOutputStream;

/**
 * PLAIN (RFC 4616): one initial response {@code authzid NUL authcid NUL passwd} in UTF-8.
 * Sends the password in clear; only use it over an encrypted connection.
 */
final class PlainMechanism implements SaslMechanism {

    private final Credentials.Password credentials;
    private boolean started;

    PlainMechanism(Credentials.Password credentials) {
        this.credentials = credentials;
    }

    @Override
    public String name() {
        return "PLAIN";
    }

    @Override
    public boolean hasInitialResponse() {
        return true;
    }

    @Override
    public byte[] start() {
        if (started) {
            throw new IllegalStateException("PLAIN: start() already called");
        }
        started = true;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SaslBytes.utf8(credentials.authorizationId()));
        out.write(0);
        out.writeBytes(SaslBytes.utf8(credentials.username()));
        out.write(0);
        out.writeBytes(SaslBytes.utf8(credentials.password()));
        return out.toByteArray();
    }

    @Override
    public byte[] evaluate(byte[] challenge) throws SaslException {
        if (!started) {
            throw new IllegalStateException("PLAIN: call start() before evaluate()");
        }
        SaslBytes.checkChallenge(name(), challenge);
        throw new SaslException("PLAIN: unexpected challenge after completion");
    }

    @Override
    public boolean isComplete() {
        return started;
    }
}
