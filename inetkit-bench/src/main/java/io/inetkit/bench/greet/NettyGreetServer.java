package io.inetkit.bench.greet;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The greeting protocol on Netty 4.2, written as a Netty user would: native epoll when
 * available (NIO otherwise), TCP_NODELAY, pooled direct buffers, write in
 * {@code channelRead} and flush once in {@code channelReadComplete}. One event loop thread
 * serves accept and I/O by default because the benchmark pins the server to one core.
 *
 * <p>Usage: {@code NettyGreetServer --port P [--threads T]}; prints {@code LISTENING <port>}.
 */
public final class NettyGreetServer {

    private static final byte[] WELCOME = "Welcome!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HELLO = "Hello, ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EXIT = "exit".getBytes(StandardCharsets.UTF_8);
    /** The protocol's message is what one read returns, at most 1024 bytes. */
    private static final int MAX_MESSAGE = 1024;

    private NettyGreetServer() {
    }

    /**
     * Starts the server and blocks until it is killed.
     *
     * @param args {@code --port P [--threads T]}
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        ServerArgs options = ServerArgs.parse(args);
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(options.threads(), io);
        try {
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_MESSAGE))
                    .childHandler(new GreetHandler())
                    .bind(new InetSocketAddress("127.0.0.1", options.port()))
                    .sync()
                    .channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            System.err.println("netty transport: " + (epoll ? "epoll" : "nio (" + Epoll.unavailabilityCause() + ")")
                    + ", event loop threads: " + options.threads());
            System.out.println("LISTENING " + port);
            System.out.flush();
            server.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }

    /** Stateless, so one instance serves every connection. */
    @Sharable
    private static final class GreetHandler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(ctx.alloc().ioBuffer(WELCOME.length).writeBytes(WELCOME));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            try {
                if (isExit(in)) {
                    ctx.close();
                    return;
                }
                ByteBuf out = ctx.alloc().ioBuffer(HELLO.length + in.readableBytes() + 1);
                out.writeBytes(HELLO).writeBytes(in).writeByte('!');
                ctx.write(out);
            } finally {
                in.release();
            }
        }

        private static boolean isExit(ByteBuf in) {
            if (in.readableBytes() != EXIT.length) {
                return false;
            }
            int at = in.readerIndex();
            for (int i = 0; i < EXIT.length; i++) {
                if (in.getByte(at + i) != EXIT[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a broken peer only ends its own connection
        }
    }
}
