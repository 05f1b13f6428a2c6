package io.inetkit.cli;

import io.inetkit.http.RequestBody;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A request body sent at no more than {@code bytesPerSecond} (curl's {@code --limit-rate} for
 * uploads); each write, also a replay after a redirect or a retry, is paced from its own start.
 *
 * @param body the body
 * @param bytesPerSecond the limit, 1 or more
 */
record RateLimitedBody(RequestBody body, long bytesPerSecond) implements RequestBody {
    @Override
    public long contentLength() {
        return body.contentLength();
    }

    @Override
    public String contentType() {
        return body.contentType();
    }

    @Override
    public boolean isReplayable() {
        return body.isReplayable();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        body.writeTo(Throttle.paced(out, bytesPerSecond));
    }
}
