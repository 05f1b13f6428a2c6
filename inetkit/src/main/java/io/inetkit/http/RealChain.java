package io.inetkit.http;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/** The chain handed to each interceptor: the list, this link's position and the request. */
final class RealChain implements Interceptor.Chain {

    private final List<Interceptor> links;
    private final int index;
    private final HttpRequest request;
    private final HttpCall call;

    RealChain(List<Interceptor> links, int index, HttpRequest request, HttpCall call) {
        this.links = links;
        this.index = index;
        this.request = request;
        this.call = call;
    }

    @Override
    public HttpRequest request() {
        return request;
    }

    @Override
    public HttpResponse proceed(HttpRequest next) throws IOException {
        Objects.requireNonNull(next, "request");
        if (index >= links.size()) {
            throw new IllegalStateException("the network link must not call proceed()");
        }
        call.checkNotCanceled();
        HttpResponse response = links.get(index).intercept(new RealChain(links, index + 1, next, call));
        if (response == null) {
            throw new IllegalStateException("interceptor " + links.get(index) + " returned null");
        }
        return response;
    }

    @Override
    public HttpCall call() {
        return call;
    }
}
