package io.inetkit.socket;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Objects;

/** Sending, receiving and shutdown for one socket. */
final class Transfer {
    private final SocketCore core;

    Transfer(SocketCore core) {
        this.core = core;
    }

    byte[] recv(int bufsize) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(checkBufsize(bufsize));
        int n = recvInto(buffer);
        return Arrays.copyOf(buffer.array(), n);
    }

    int recvInto(ByteBuffer buffer) throws IOException {
        Objects.requireNonNull(buffer, "buffer");
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException("cannot receive into a read-only buffer");
        }
        if (core.kind == Kind.DGRAM) {
            int start = buffer.position();
            receiveDatagram(buffer, "recv");
            return buffer.position() - start;
        }
        SocketChannel ch = core.connectedStream("recv");
        if (!buffer.hasRemaining()) {
            return 0;
        }
        try {
            int n = Io.run("recv", ch, SelectionKey.OP_READ, core.readWaiter, Deadline.start(core.timeout), () -> {
                int r = ch.read(buffer);
                return r == 0 ? null : r;
            });
            return Math.max(n, 0); // -1 (end of stream) is 0, as in Python
        } catch (IOException e) {
            throw core.failure("recv", e);
        }
    }

    Datagram recvFrom(int bufsize) throws IOException {
        checkBufsize(bufsize);
        if (core.kind == Kind.STREAM) {
            byte[] data = recv(bufsize);
            return new Datagram(data, core.peerAddress());
        }
        ByteBuffer buffer = ByteBuffer.allocate(bufsize);
        SocketAddress from = receiveDatagram(buffer, "recvFrom");
        return new Datagram(Arrays.copyOf(buffer.array(), buffer.position()), Address.of(from));
    }

    private static int checkBufsize(int bufsize) {
        if (bufsize < 0) {
            throw new IllegalArgumentException("bufsize must not be negative, got " + bufsize);
        }
        return bufsize;
    }

    /** Uses receive, not read, even when connected: read cannot tell an empty datagram from none. */
    private SocketAddress receiveDatagram(ByteBuffer buffer, String op) throws IOException {
        core.ensureOpen();
        DatagramChannel ch = core.datagram;
        try {
            return Io.run(op, ch, SelectionKey.OP_READ, core.readWaiter, Deadline.start(core.timeout),
                    () -> ch.receive(buffer));
        } catch (IOException e) {
            throw core.failure(op, e);
        }
    }

    int send(ByteBuffer buffer) throws IOException {
        Objects.requireNonNull(buffer, "buffer");
        if (core.kind == Kind.DGRAM) {
            core.ensureOpen();
            SocketAddress peer = core.datagram.getRemoteAddress();
            if (peer == null) {
                throw new IllegalStateException("send on an unconnected DGRAM socket; connect first or use sendTo");
            }
            return sendDatagram(buffer, peer, "send");
        }
        SocketChannel ch = core.connectedStream("send");
        if (!buffer.hasRemaining()) {
            return 0;
        }
        try {
            return writeSome(ch, buffer, Deadline.start(core.timeout), "send");
        } catch (IOException e) {
            throw core.failure("send", e);
        }
    }

    void sendAll(ByteBuffer buffer) throws IOException {
        Objects.requireNonNull(buffer, "buffer");
        if (core.kind == Kind.DGRAM) {
            send(buffer);
            return;
        }
        SocketChannel ch = core.connectedStream("sendAll");
        Deadline deadline = Deadline.start(core.timeout); // bounds the whole call, as in Python 3.5+
        int total = buffer.remaining();
        try {
            while (buffer.hasRemaining()) {
                writeSome(ch, buffer, deadline, "sendAll");
            }
        } catch (WouldBlockException e) {
            throw new WouldBlockException(Errno.EAGAIN, "sendAll sent " + (total - buffer.remaining())
                    + " of " + total + " bytes; the rest would block");
        } catch (TimedOutException e) {
            throw new TimedOutException("sendAll timed out after " + deadline.describe() + " having sent "
                    + (total - buffer.remaining()) + " of " + total + " bytes");
        } catch (IOException e) {
            throw core.failure("sendAll", e);
        }
    }

    int sendTo(ByteBuffer buffer, Address target) throws IOException {
        Objects.requireNonNull(buffer, "buffer");
        core.checkFamily(target, "sendTo");
        if (core.kind != Kind.DGRAM) {
            throw new IllegalStateException("sendTo needs a DGRAM socket; use send on a STREAM socket");
        }
        core.ensureOpen();
        SocketAddress peer = core.datagram.getRemoteAddress();
        if (peer != null && !peer.equals(target.toJava())) {
            throw new IllegalStateException("DGRAM socket is connected to " + Address.of(peer)
                    + "; cannot sendTo " + target);
        }
        return sendDatagram(buffer, target.toJava(), "sendTo " + target);
    }

    private int writeSome(SocketChannel ch, ByteBuffer buffer, Deadline deadline, String op) throws IOException {
        return Io.run(op, ch, SelectionKey.OP_WRITE, core.writeWaiter, deadline, () -> {
            int n = ch.write(buffer);
            return n == 0 ? null : n;
        });
    }

    private int sendDatagram(ByteBuffer buffer, SocketAddress target, String op) throws IOException {
        DatagramChannel ch = core.datagram;
        int length = buffer.remaining();
        try {
            return Io.run(op, ch, SelectionKey.OP_WRITE, core.writeWaiter, Deadline.start(core.timeout), () -> {
                int n = ch.send(buffer, target);
                return n == 0 && length > 0 ? null : n; // 0 of many bytes: no buffer space yet
            });
        } catch (IOException e) {
            throw core.failure(op, e);
        }
    }

    void shutdown(Shutdown how) throws IOException {
        Objects.requireNonNull(how, "how");
        if (core.kind != Kind.STREAM) {
            throw new IllegalStateException("shutdown needs a connected STREAM socket; this socket is DGRAM");
        }
        SocketChannel ch = core.connectedStream("shutdown");
        try {
            if (how != Shutdown.WRITE) {
                ch.shutdownInput();
            }
            if (how != Shutdown.READ) {
                ch.shutdownOutput();
            }
        } catch (IOException e) {
            throw core.failure("shutdown " + how, e);
        }
    }
}
