package io.inetkit.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One codec (and so one shared StAX factory) read from many threads at once, hostile documents mixed in. */
class XmlRpcSharedFactoryTest {

    private final XmlRpcCodec codec = new XmlRpcCodec(XmlRpcConfig.DEFAULT);

    @Test
    @Timeout(30)
    void concurrentReadsGetTheirOwnDocuments() throws Exception {
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY e \"x\">]><methodCall><methodName>&e;</methodName></methodCall>";
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = 0; i < 300; i++) {
                    XmlRpcRequest sent = XmlRpcRequest.of("m" + thread, i, "s" + thread + "-" + i, List.of(thread, i));
                    XmlRpcRequest got = codec.decodeRequest(codec.encodeRequest(sent));
                    assertThat(got).isEqualTo(sent);
                    if (i % 50 == 0) {
                        assertThatThrownBy(() -> codec.decodeRequest(doctype.getBytes(StandardCharsets.UTF_8)))
                                .isInstanceOf(XmlRpcProtocolException.class).hasMessageContaining("DOCTYPE");
                    }
                }
                return thread;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            int sum = 0;
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                sum += f.get();
            }
            assertThat(sum).isEqualTo(28);
        }
    }
}
