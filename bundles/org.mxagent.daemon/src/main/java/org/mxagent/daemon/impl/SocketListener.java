package org.mxagent.daemon.impl;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.runtime.api.PrivateFiles;

/**
 * The daemon socket: binds it (0600), accepts same-user clients and serves each on a thread of a bounded
 * pool. {@link #close()} closes the server channel, which is what ends the accept loop.
 */
public final class SocketListener implements AutoCloseable {
    private static final long DRAIN_SECONDS = 5;

    private final Path socket;
    private final ServerSocketChannel server;
    private final PeerCheck peers;
    private final Dispatcher dispatcher;
    private final ThreadPoolExecutor connections;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private SocketListener(Path socket, ServerSocketChannel server, PeerCheck peers, Dispatcher dispatcher,
            int maxConnections) {
        this.socket = socket;
        this.server = server;
        this.peers = peers;
        this.dispatcher = dispatcher;
        this.connections = new ThreadPoolExecutor(0, maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new NamedThreads("mx-agent-ipc-connection"));
        this.acceptor = new Thread(this::acceptLoop, "mx-agent-ipc-accept");
        this.acceptor.setDaemon(true);
    }

    /**
     * Binds {@code socket} and starts accepting.
     *
     * @throws IOException if another daemon answers there or the socket cannot be bound
     */
    public static SocketListener start(Path socket, Dispatcher dispatcher, int maxConnections) throws IOException {
        SocketFile.clearStale(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        SocketListener listener;
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            // The runtime directory is already 0700; 0600 on the socket keeps it private if that ever changes.
            PrivateFiles.restrictToOwner(socket);
            listener = new SocketListener(socket, server, PeerCheck.ownerOf(socket), dispatcher, maxConnections);
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(socket);
            throw e;
        }
        listener.acceptor.start();
        return listener;
    }

    public Path socket() {
        return socket;
    }

    public int ownUid() {
        return peers.ownUid();
    }

    private void acceptLoop() {
        try {
            while (true) {
                admit(server.accept());
            }
        } catch (ClosedChannelException e) {
            // close() closed the server channel: the intended way out of this loop.
            DaemonLog.info("stopped accepting connections on " + socket);
        } catch (IOException e) {
            DaemonLog.error("accepting connections on " + socket + " failed; the daemon is unreachable", e);
        }
    }

    private void admit(SocketChannel client) {
        String refusal;
        try {
            refusal = peers.admits(client) ? null : "refused a connection from user " + PeerCheck.peerName(client);
        } catch (IOException e) {
            refusal = "dropped a connection whose peer could not be checked: " + e.getMessage();
        }
        if (refusal != null) {
            DaemonLog.warn(refusal);
            closeQuietly(client);
            return;
        }
        Connection connection = new Connection(client, dispatcher, peers.ownUid(), open::remove);
        open.add(connection);
        try {
            connections.execute(connection);
        } catch (RejectedExecutionException e) {
            connection.refuse(IpcException.failed("daemon is busy: " + connections.getMaximumPoolSize()
                    + " connections open; try again"));
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Connection connection : open) {
            connection.close();
        }
        connections.shutdownNow();
        try {
            if (!connections.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                DaemonLog.warn("some connection threads were still busy " + DRAIN_SECONDS + " s after shutdown");
            }
            acceptor.join(TimeUnit.SECONDS.toMillis(DRAIN_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Files.deleteIfExists(socket);
        }
    }

    private static void closeQuietly(SocketChannel client) {
        try {
            client.close();
        } catch (IOException e) {
            DaemonLog.warn("closing a refused connection failed: " + e.getMessage());
        }
    }
}
