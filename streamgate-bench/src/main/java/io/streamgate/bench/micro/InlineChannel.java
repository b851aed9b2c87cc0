package io.streamgate.bench.micro;

import io.netty.channel.AbstractChannel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelMetadata;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * A channel without a socket, on an {@link InlineEventLoop}: what is written and flushed to it collects in a queue
 * ({@link #readWritten()}), and what the peer sends is fired into its pipeline by whoever plays the peer. It has a
 * real pipeline, outbound buffer and configuration (allocator, write watermarks), so the handlers on it run as they
 * would on a socket.
 *
 * <p>Netty's {@code EmbeddedChannel} cannot be used here: it insists on its own event loop, and the proxy's client
 * and upstream channels must share one, as they do in production.
 *
 * <p>Public, with a public constructor, because {@code UpstreamConnector} creates its channels by reflection.
 */
public final class InlineChannel extends AbstractChannel {

    private static final ChannelMetadata METADATA = new ChannelMetadata(false);
    private static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9092);
    private static final InetSocketAddress REMOTE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 50_000);

    private final ChannelConfig config = new DefaultChannelConfig(this) {
        @Override
        public <T> boolean setOption(ChannelOption<T> option, T value) {
            super.setOption(option, value);
            return true; // socket options (TCP_NODELAY...) have nothing to act on here; accept them without a warning
        }
    };
    private final Queue<Object> written = new ArrayDeque<>();
    private boolean open = true;
    private boolean active;

    /** A channel that becomes active when it connects: the upstream side. */
    public InlineChannel() {
        this(false);
    }

    /** @param active whether it is connected from the start, as an accepted client connection is */
    InlineChannel(boolean active) {
        super(null);
        this.active = active;
    }

    /** The oldest message written and flushed to this channel, or null. The caller owns it. */
    @SuppressWarnings("unchecked")
    <T> T readWritten() {
        return (T) written.poll();
    }

    /** Releases every message written and not read. */
    void releaseWritten() {
        Object message;
        while ((message = written.poll()) != null) {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    protected AbstractUnsafe newUnsafe() {
        return new AbstractUnsafe() {
            @Override
            public void connect(SocketAddress remoteAddress, SocketAddress localAddress, ChannelPromise promise) {
                if (!promise.setUncancellable() || !ensureOpen(promise)) {
                    return;
                }
                boolean wasActive = active;
                active = true;
                promise.trySuccess();
                if (!wasActive) {
                    pipeline().fireChannelActive();
                }
            }
        };
    }

    @Override
    protected boolean isCompatible(EventLoop loop) {
        return loop instanceof InlineEventLoop;
    }

    @Override
    protected SocketAddress localAddress0() {
        return LOCAL;
    }

    @Override
    protected SocketAddress remoteAddress0() {
        return REMOTE;
    }

    @Override
    protected void doBind(SocketAddress localAddress) {
    }

    @Override
    protected void doDisconnect() {
        active = false;
    }

    @Override
    protected void doClose() {
        open = false;
        active = false;
    }

    @Override
    protected void doBeginRead() {
    }

    @Override
    protected void doWrite(ChannelOutboundBuffer in) {
        Object message;
        while ((message = in.current()) != null) {
            written.add(ReferenceCountUtil.retain(message));
            in.remove();
        }
    }

    @Override
    public ChannelConfig config() {
        return config;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public ChannelMetadata metadata() {
        return METADATA;
    }
}
