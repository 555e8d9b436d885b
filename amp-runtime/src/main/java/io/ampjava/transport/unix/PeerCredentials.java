package io.ampjava.transport.unix;

/**
 * Who is at the other end of a Unix socket, as the kernel recorded it when the peer connected
 * ({@code SO_PEERCRED}): its process id, user id and group id. The peer cannot forge these.
 *
 * @param pid the peer's process id at connect time
 * @param uid the peer's effective user id
 * @param gid the peer's effective (primary) group id
 */
public record PeerCredentials(int pid, int uid, int gid) {
    @Override
    public String toString() {
        return "pid " + pid + ", uid " + uid + ", gid " + gid;
    }
}
