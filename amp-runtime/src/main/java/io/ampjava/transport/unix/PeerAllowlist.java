package io.ampjava.transport.unix;

import io.ampjava.internal.posix.NativePosix;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which peers a Unix-socket server serves, by the credentials the kernel gives for each connection
 * ({@link PeerCredentials}): a peer is served when its uid or its primary gid is listed. A refused
 * peer is closed as soon as it is accepted, before a byte of it is read.
 *
 * <p>This complements the socket file's mode (0600 by default), which decides who may connect at
 * all: the file mode can only say "owner", "group" or "others", the allowlist names exact users and
 * groups, and it holds even when the socket file is reachable more widely (a shared directory, a
 * group-writable mode, or a descriptor passed to another process).
 *
 * <pre>{@code
 * UnixListeningSocket.bind(path, PosixFilePermissions.fromString("rw-rw-rw-"),
 *         PeerAllowlist.sameUser().orUids(1001).orGids(50));
 * }</pre>
 */
public final class PeerAllowlist {
    /** Serves every peer: no check. */
    public static final PeerAllowlist ANYONE = new PeerAllowlist(true, Set.of(), Set.of());

    private final boolean anyone;
    private final Set<Integer> uids;
    private final Set<Integer> gids;

    private PeerAllowlist(boolean anyone, Set<Integer> uids, Set<Integer> gids) {
        this.anyone = anyone;
        this.uids = uids;
        this.gids = gids;
    }

    /**
     * Serves only peers running as the same user as this process.
     *
     * @return the allowlist
     */
    public static PeerAllowlist sameUser() {
        return uids(NativePosix.posix().geteuid());
    }

    /**
     * Serves only peers running as one of {@code uids}.
     *
     * @param uids the user ids served
     * @return the allowlist
     */
    public static PeerAllowlist uids(int... uids) {
        return new PeerAllowlist(false, Set.copyOf(boxed(uids)), Set.of());
    }

    /**
     * Serves only peers whose primary group is one of {@code gids}.
     *
     * @param gids the group ids served
     * @return the allowlist
     */
    public static PeerAllowlist gids(int... gids) {
        return new PeerAllowlist(false, Set.of(), Set.copyOf(boxed(gids)));
    }

    /**
     * This list, and also peers running as one of {@code more}.
     *
     * @param more more user ids served
     * @return the larger allowlist
     */
    public PeerAllowlist orUids(int... more) {
        if (anyone) {
            return this;
        }
        Set<Integer> union = new TreeSet<>(uids);
        union.addAll(boxed(more));
        return new PeerAllowlist(false, Set.copyOf(union), gids);
    }

    /**
     * This list, and also peers whose primary group is one of {@code more}.
     *
     * @param more more group ids served
     * @return the larger allowlist
     */
    public PeerAllowlist orGids(int... more) {
        if (anyone) {
            return this;
        }
        Set<Integer> union = new TreeSet<>(gids);
        union.addAll(boxed(more));
        return new PeerAllowlist(false, uids, Set.copyOf(union));
    }

    /** {@return whether this list lets any peer in without looking} */
    public boolean allowsAnyone() {
        return anyone;
    }

    /**
     * Whether a peer with {@code credentials} is served.
     *
     * @param credentials the peer's, as the kernel reports them
     * @return whether it is served
     */
    public boolean allows(PeerCredentials credentials) {
        return anyone || uids.contains(credentials.uid()) || gids.contains(credentials.gid());
    }

    @Override
    public String toString() {
        return anyone ? "anyone" : "uids " + new TreeSet<>(uids) + ", gids " + new TreeSet<>(gids);
    }

    private static Set<Integer> boxed(int[] ids) {
        Set<Integer> set = new TreeSet<>();
        Arrays.stream(ids).forEach(set::add);
        return set;
    }
}
