package io.inetkit.cli;

import io.inetkit.http.HttpServer;
import io.inetkit.http.StaticFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code inet serve http}: a static file server, what {@code python -m http.server} should be. */
@Command(name = "http", mixinStandardHelpOptions = true,
        description = {
            "Serve a folder over HTTP (or HTTPS): directory listings (HTML, or JSON with",
            "?format=json), ranges, ETag and Last-Modified, index.html; never a file outside",
            "the folder. Logs each request in Common Log Format on stdout."})
final class ServeHttpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-d", "--dir"}, defaultValue = ".", paramLabel = "DIR",
            description = "Folder to serve (default: the current one).")
    Path dir;

    @Option(names = "--no-listing", description = "Answer 404 for folders without index.html.")
    boolean noListing;

    @Mixin
    ListenOptions listen = new ListenOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "not a folder: " + dir);
        }
        PrintWriter out = spec.commandLine().getOut();
        HttpServer server = listen.configure(spec, HttpServer.builder())
                .accessLog(line -> {
                    out.println(line);
                    out.flush();
                })
                .get("/", StaticFiles.of(dir, !noListing, "index.html"))
                .start();
        return Serving.untilInterrupted(spec, server, "serving " + dir.toAbsolutePath().normalize());
    }
}
