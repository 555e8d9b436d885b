package io.ampjava.cli.proxy;

import io.ampjava.cli.Address;
import io.ampjava.transport.ListeningSocket;
import io.ampjava.transport.Transport;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Accepts clients on one socket and relays each to a new connection upstream. */
final class Proxy implements AutoCloseable {
    private static final long ACCEPT_RETRY_MILLIS = 50;

    private final ListeningSocket socket;
    private final Address upstream;
    private final TrafficLog log;
    private final Set<Relay> relays = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closing;

    Proxy(ListeningSocket socket, Address upstream, TrafficLog log) {
        this.socket = socket;
        this.upstream = upstream;
        this.log = log;
        this.acceptor = new Thread(this::acceptLoop, "amp-proxy accept " + socket.address());
        acceptor.setDaemon(true);
    }

    void start() {
        acceptor.start();
    }

    private void acceptLoop() {
        while (!closing) {
            Transport client;
            try {
                client = socket.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (closing) {
                    return;
                }
                log.note("accept-failed", "accepting a client failed: " + e.getMessage());
                sleep();
                continue;
            }
            Relay[] relay = new Relay[1];
            relay[0] = new Relay(client, upstream, log.open(ids.incrementAndGet()), () -> relays.remove(relay[0]));
            relays.add(relay[0]);
            if (closing) {
                relay[0].close();
                return;
            }
            relay[0].start();
        }
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(ACCEPT_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops accepting and closes every relayed connection. */
    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Relay relay : relays) {
            relay.close();
        }
    }
}
