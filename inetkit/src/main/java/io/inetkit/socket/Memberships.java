package io.inetkit.socket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.channels.MembershipKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** The multicast groups a DGRAM socket has joined. */
final class Memberships {
    private final SocketCore core;
    private final Map<Membership, MembershipKey> keys = new HashMap<>(); // core.stateLock

    private record Membership(InetAddress group, NetworkInterface nif) {
    }

    Memberships(SocketCore core) {
        this.core = core;
    }

    void join(InetAddress group, NetworkInterface nif) throws IOException {
        check(group, nif);
        core.stateLock.lock();
        try {
            core.ensureOpen();
            Membership m = new Membership(group, nif);
            if (keys.containsKey(m)) {
                throw new IllegalStateException("already a member of " + group.getHostAddress() + " on " + nif.getName());
            }
            keys.put(m, core.datagram.join(group, nif));
        } catch (IOException e) {
            throw core.failure("join multicast group " + group.getHostAddress() + " on " + nif.getName(), e);
        } finally {
            core.stateLock.unlock();
        }
    }

    void leave(InetAddress group, NetworkInterface nif) throws IOException {
        check(group, nif);
        core.stateLock.lock();
        try {
            core.ensureOpen();
            MembershipKey key = keys.remove(new Membership(group, nif));
            if (key == null) {
                throw new IllegalStateException("not a member of " + group.getHostAddress() + " on " + nif.getName());
            }
            key.drop();
        } finally {
            core.stateLock.unlock();
        }
    }

    private void check(InetAddress group, NetworkInterface nif) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(nif, "nif");
        if (core.kind != Kind.DGRAM) {
            throw new IllegalStateException("multicast groups need a DGRAM socket");
        }
        if (!group.isMulticastAddress()) {
            throw new IllegalArgumentException(group.getHostAddress() + " is not a multicast address");
        }
    }
}
