package io.inetkit.cli;

import io.inetkit.http.HttpServer;
import io.inetkit.xmlrpc.XmlRpcDispatcher;
import io.inetkit.xmlrpc.XmlRpcHttpHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code inet serve xmlrpc}: an XML-RPC server with a few demonstration methods. */
@Command(name = "xmlrpc", mixinStandardHelpOptions = true,
        description = {
            "Serve XML-RPC on / and /RPC2 with demonstration methods: add, subtract, multiply,",
            "divide, echo, upper, now, and the introspection methods system.listMethods,",
            "system.methodHelp, system.methodSignature and system.multicall."})
final class ServeXmlRpcCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ListenOptions listen = new ListenOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        XmlRpcDispatcher dispatcher = DemoXmlRpcMethods.register(XmlRpcDispatcher.builder()).build();
        XmlRpcHttpHandler handler = new XmlRpcHttpHandler(dispatcher);
        HttpServer server = listen.configure(spec, HttpServer.builder())
                .accessLog(line -> {
                    out.println(line);
                    out.flush();
                })
                .post("/RPC2", handler)
                .post("/", handler)
                .start();
        return Serving.untilInterrupted(spec, server, "serving XML-RPC");
    }
}
