import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * EXPERIMENT, not part of inetkit: the greeting protocol on Linux epoll called through the JDK's
 * foreign-function API (Java 22+), edge-triggered, with "critical" downcalls for the
 * non-blocking read and write. It answers one question for issue 2: is the remaining gap to
 * Netty at 1,000 connections the JDK's NIO selector (level-triggered, a lock and checks per
 * call), or something inetkit's event loop could still fix in Java 21 code?
 *
 * <p>Run: {@code java --enable-native-access=ALL-UNNAMED [-Dffm.sendrecv=true] FfmGreetServer.java --port 0}
 * (source launcher; prints {@code LISTENING <port>}). Linux x86-64 only. Minimal on purpose:
 * errors close the connection, replies are assumed to fit the socket buffer (they are 8 to
 * 1,032 bytes and one is in flight per connection).
 */
public final class FfmGreetServer {
    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_NONBLOCK = 0x800;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_NODELAY = 1;
    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLLIN = 0x1;
    private static final int EPOLLERR = 0x8;
    private static final int EPOLLHUP = 0x10;
    private static final int EPOLLRDHUP = 0x2000;
    private static final int EPOLLET = 1 << 31;
    private static final int EVENT_SIZE = 12; // struct epoll_event is packed on x86-64
    private static final int MAX_EVENTS = 1024;
    private static final int READ_SIZE = 1024; // the protocol's message: what one read returns

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);

    private static final MethodHandle SOCKET = fn("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = fn("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle BIND = fn("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LISTEN = fn("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle GETSOCKNAME = fn("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle ACCEPT4 = fn("accept4",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT), CRITICAL);
    private static final MethodHandle EPOLL_CREATE1 = fn("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle EPOLL_CTL = fn("epoll_ctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS), CRITICAL);
    private static final MethodHandle EPOLL_WAIT = fn("epoll_wait",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    // recv/send (what Netty's epoll transport calls) or read/write (what the JDK's SocketChannel calls), with flags 0 and
    // MSG_NOSIGNAL; read and write get a dropped fourth argument, harmless in the x86-64 calling convention.
    private static final boolean SEND_RECV = Boolean.getBoolean("ffm.sendrecv");
    private static final MethodHandle READ = fn(SEND_RECV ? "recv" : "read",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), CRITICAL);
    private static final MethodHandle WRITE = fn(SEND_RECV ? "send" : "write",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), CRITICAL);
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final MethodHandle CLOSE = fn("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CRITICAL);

    private static final byte[] WELCOME = "Welcome!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HELLO = "Hello, ".getBytes(StandardCharsets.UTF_8);

    private FfmGreetServer() {
    }

    private static MethodHandle fn(String name, FunctionDescriptor d, Linker.Option... options) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(), d, options);
    }

    public static void main(String[] args) throws Throwable {
        int port = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocate(JAVA_INT);
            one.set(JAVA_INT, 0, 1);
            int listener = (int) SOCKET.invokeExact(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            check((int) SETSOCKOPT.invokeExact(listener, SOL_SOCKET, SO_REUSEADDR, one, 4), "setsockopt");
            MemorySegment addr = arena.allocate(16);
            addr.set(java.lang.foreign.ValueLayout.JAVA_SHORT, 0, (short) AF_INET);
            addr.set(java.lang.foreign.ValueLayout.JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), 2, (short) port);
            addr.set(JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN), 4, 0x7f000001);
            check((int) BIND.invokeExact(listener, addr, 16), "bind");
            check((int) LISTEN.invokeExact(listener, 4096), "listen");
            MemorySegment len = arena.allocate(JAVA_INT);
            len.set(JAVA_INT, 0, 16);
            check((int) GETSOCKNAME.invokeExact(listener, addr, len), "getsockname");
            int bound = Short.toUnsignedInt(addr.get(java.lang.foreign.ValueLayout.JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), 2));

            int ep = (int) EPOLL_CREATE1.invokeExact(0);
            MemorySegment ev = arena.allocate(EVENT_SIZE);
            add(ep, listener, EPOLLIN | EPOLLET, ev);
            MemorySegment events = arena.allocate((long) EVENT_SIZE * MAX_EVENTS);
            MemorySegment in = arena.allocate(READ_SIZE);
            MemorySegment out = arena.allocate(HELLO.length + READ_SIZE + 1);
            MemorySegment.copy(HELLO, 0, out, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, HELLO.length);
            MemorySegment welcome = arena.allocate(WELCOME.length);
            MemorySegment.copy(WELCOME, 0, welcome, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, WELCOME.length);
            System.err.println("ffm epoll (edge-triggered, critical " + (SEND_RECV ? "recv/send" : "read/write") + "), one thread");
            System.out.println("LISTENING " + bound);
            System.out.flush();

            while (true) {
                int n = (int) EPOLL_WAIT.invokeExact(ep, events, MAX_EVENTS, -1);
                for (int i = 0; i < n; i++) {
                    long base = (long) i * EVENT_SIZE;
                    int flags = events.get(JAVA_INT.withByteAlignment(1), base);
                    int fd = (int) events.get(JAVA_LONG.withByteAlignment(1), base + 4);
                    if (fd == listener) {
                        int c;
                        while ((c = (int) ACCEPT4.invokeExact(listener, MemorySegment.NULL, MemorySegment.NULL, SOCK_NONBLOCK)) >= 0) {
                            int ignored = (int) SETSOCKOPT.invokeExact(c, IPPROTO_TCP, TCP_NODELAY, one, 4);
                            add(ep, c, EPOLLIN | EPOLLRDHUP | EPOLLET, ev);
                            long w = (long) WRITE.invokeExact(c, welcome, (long) WELCOME.length, MSG_NOSIGNAL);
                        }
                        continue;
                    }
                    if ((flags & (EPOLLERR | EPOLLHUP)) != 0) {
                        int ignored = (int) CLOSE.invokeExact(fd);
                        continue;
                    }
                    while (true) { // edge-triggered: read until a short read
                        long r = (long) READ.invokeExact(fd, in, (long) READ_SIZE, 0);
                        if (r <= 0) {
                            if (r == 0 || (flags & EPOLLRDHUP) != 0) {
                                int ignored = (int) CLOSE.invokeExact(fd);
                            }
                            break; // -1: EAGAIN (or an error that EPOLLERR will report)
                        }
                        if (r == 4 && in.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0) == 'e'
                                && in.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 1) == 'x'
                                && in.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 2) == 'i'
                                && in.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 3) == 't') {
                            int ignored = (int) CLOSE.invokeExact(fd);
                            break;
                        }
                        MemorySegment.copy(in, 0, out, HELLO.length, r);
                        out.set(java.lang.foreign.ValueLayout.JAVA_BYTE, HELLO.length + r, (byte) '!');
                        long w = (long) WRITE.invokeExact(fd, out, HELLO.length + r + 1, MSG_NOSIGNAL);
                        if (r < READ_SIZE) {
                            break;
                        }
                    }
                }
            }
        }
    }

    private static void add(int ep, int fd, int flags, MemorySegment ev) throws Throwable {
        ev.set(JAVA_INT.withByteAlignment(1), 0, flags);
        ev.set(JAVA_LONG.withByteAlignment(1), 4, fd);
        check((int) EPOLL_CTL.invokeExact(ep, EPOLL_CTL_ADD, fd, ev), "epoll_ctl");
    }

    private static void check(int rc, String what) {
        if (rc < 0) {
            throw new IllegalStateException(what + " failed");
        }
    }
}
