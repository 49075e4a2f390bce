package org.mxagent.daemon.impl;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/** Admits only connections from the daemon's own user, judged by the kernel's SO_PEERCRED. */
final class PeerCheck {
    private final UserPrincipal owner;
    private final int ownUid;

    private PeerCheck(UserPrincipal owner, int ownUid) {
        this.owner = owner;
        this.ownUid = ownUid;
    }

    /** The daemon's identity, read from a file it has just created (the socket). */
    static PeerCheck ownerOf(Path createdByUs) throws IOException {
        return new PeerCheck(Files.getOwner(createdByUs), (Integer) Files.getAttribute(createdByUs, "unix:uid"));
    }

    int ownUid() {
        return ownUid;
    }

    /** The connecting user, for log lines about refused peers. */
    static String peerName(SocketChannel client) throws IOException {
        return client.getOption(ExtendedSocketOptions.SO_PEERCRED).user().getName();
    }

    boolean admits(SocketChannel client) throws IOException {
        UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
        // The JDK's Unix user principals compare by numeric uid, so this is a uid comparison.
        return owner.equals(peer.user());
    }
}
