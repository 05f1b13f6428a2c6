package io.inetkit.examples.readme;

import io.inetkit.http.HttpClient;
import io.inetkit.http.HttpRequest;
import io.inetkit.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Path;

/** README: the HTTP client. */
public final class HttpExample {
    private HttpExample() {
    }

    /**
     * Downloads a URL to a file.
     *
     * @param url the page
     * @param file where the body goes
     * @return the status code
     * @throws IOException if the exchange fails (a 404 is not a failure: status codes are data)
     */
    public static int download(String url, Path file) throws IOException {
        // README:http
        try (HttpClient client = HttpClient.builder().followRedirects(true).build();
             HttpResponse response = client.send(HttpRequest.get(url))) {
            System.out.println(response.status() + " " + response.header("Content-Type").orElse("?"));
            response.saveTo(file);                                // streamed, never whole in memory
            return response.status();
        }
        // README:end
    }
}
