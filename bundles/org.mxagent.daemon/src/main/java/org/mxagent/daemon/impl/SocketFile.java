package org.mxagent.daemon.impl;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Clears the way for binding the daemon socket: removes what a dead daemon left, refuses a live one. */
final class SocketFile {
    private SocketFile() {}

    static void clearStale(Path socket) throws IOException {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        BasicFileAttributes attributes = Files.readAttributes(socket, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isOther()) {
            throw new IOException(socket + " exists and is not a socket; remove it by hand if it is not needed");
        }
        if (answers(socket)) {
            throw new IOException("another mx-agent daemon is already listening on " + socket);
        }
        DaemonLog.info("removing the stale socket " + socket + " of a daemon that is gone");
        Files.delete(socket);
    }

    /** True if something accepts connections on {@code socket}. */
    static boolean answers(Path socket) throws IOException {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return probe.isConnected();
        } catch (ConnectException refused) {
            // ECONNREFUSED: the file is there but nobody listens, i.e. its daemon died without cleaning up.
            return false;
        }
    }
}
