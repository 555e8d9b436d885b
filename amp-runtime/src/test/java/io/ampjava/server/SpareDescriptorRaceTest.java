package io.ampjava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.testing.Await;
import io.ampjava.transport.Transport;
import io.ampjava.transport.tcp.TcpListeningSocket;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The accept thread's spare descriptor against a model of the process's descriptors in which
 * another thread takes a descriptor for a moment just as a refused peer frees one, as the JVM's
 * own threads do (it reads its cgroup limits every few milliseconds while it collects). The spare
 * is then lost for a while; every peer of the shortage must still be refused at once, and the
 * spare held again afterwards, rather than the next peer served with the last descriptor and the
 * ones after it left waiting in the backlog until the shortage ends.
 */
@Timeout(60)
class SpareDescriptorRaceTest {
    /** How long a refused peer may wait for its close: far more than a refusal takes. */
    private static final int CLOSED_WITHIN_MILLIS = 5_000;

    @Test
    void aSpareLostToAnotherThreadForAMomentIsTakenBackAndEveryPeerRefusedAtOnce() throws Exception {
        Descriptors descriptors = new Descriptors(1); // the spare takes it: none left
        TcpListeningSocket real = TcpListeningSocket.bind("127.0.0.1", 0);
        try (AmpServer server = AmpServer.start(new ModelSocket(real, descriptors),
                transport -> AmpConnection.open(transport, ResponderLocator.NONE), 100, () -> new ModelSpare(descriptors))) {
            Await.condition("the spare is taken", () -> descriptors.free() == 0);
            // The first peer is refused, and the descriptor it frees goes to another thread until
            // the process next accepts: the spare cannot be taken again at once.
            descriptors.stealAtTake(2);
            for (int peer = 1; peer <= 4; peer++) {
                assertRefused(real.port(), peer);
            }
            Await.condition("the spare is held again, and every refused peer's descriptor free",
                    () -> descriptors.free() == 0 && descriptors.spareHeld());
        }
    }

    /** A peer that connects and is closed without a byte: refused. */
    private static void assertRefused(int port, int peer) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(CLOSED_WITHIN_MILLIS);
            assertEquals(-1, socket.getInputStream().read(), "peer " + peer + " is closed at once");
        }
    }

    /** The process's free descriptors, and another thread that may hold one for a moment. */
    private static final class Descriptors {
        private int free;
        private int takes;
        private int stolenTake = -1;
        private boolean thiefHolds;
        private boolean spareHeld;

        Descriptors(int free) {
            this.free = free;
        }

        synchronized int free() {
            return free;
        }

        synchronized boolean spareHeld() {
            return spareHeld;
        }

        /** The {@code n}th take of the spare from now finds its descriptor taken by another thread. */
        synchronized void stealAtTake(int n) {
            stolenTake = takes + n;
        }

        synchronized boolean takeForSpare() {
            takes++;
            if (takes == stolenTake && free > 0) {
                free--;
                thiefHolds = true;
                return false;
            }
            spareHeld = take();
            return spareHeld;
        }

        synchronized void releaseSpare() {
            spareHeld = false;
            free++;
        }

        synchronized boolean take() {
            if (free == 0) {
                return false;
            }
            free--;
            return true;
        }

        synchronized void give() {
            free++;
        }

        /** The other thread is done with its descriptor once the process next tries to accept. */
        synchronized void thiefLetsGo() {
            if (thiefHolds) {
                thiefHolds = false;
                free++;
            }
        }
    }

    /** The spare, as a descriptor of the model. */
    private static final class ModelSpare extends SpareDescriptor {
        private final Descriptors descriptors;
        private boolean held;

        ModelSpare(Descriptors descriptors) {
            this.descriptors = descriptors;
        }

        @Override
        boolean release() {
            if (!held) {
                return false;
            }
            held = false;
            descriptors.releaseSpare();
            return true;
        }

        @Override
        boolean take() {
            if (!held) {
                held = descriptors.takeForSpare();
            }
            return held;
        }
    }

    /**
     * A real socket whose accepts need a descriptor of the model: without one, accept fails at once
     * and the peer stays in the backlog, as with {@code EMFILE}.
     */
    private static final class ModelSocket extends ForwardingListeningSocket {
        private final Descriptors descriptors;
        private Transport waiting; // accepted by the kernel, not yet by the process

        ModelSocket(TcpListeningSocket real, Descriptors descriptors) {
            super(real);
            this.descriptors = descriptors;
        }

        @Override
        public Transport accept() throws IOException {
            if (waiting == null) {
                waiting = super.accept();
            }
            boolean taken = descriptors.take();
            descriptors.thiefLetsGo();
            if (!taken) {
                throw new IOException("accept failed: Too many open files (the model's)");
            }
            Transport accepted = waiting;
            waiting = null;
            return new ModelTransport(accepted, descriptors);
        }

        @Override
        public void close() throws IOException {
            super.close();
            if (waiting != null) {
                waiting.close();
            }
        }
    }

    /** A transport that gives its descriptor back to the model when closed. */
    private static final class ModelTransport implements Transport {
        private final Transport real;
        private final Descriptors descriptors;
        private final AtomicBoolean closed = new AtomicBoolean();

        ModelTransport(Transport real, Descriptors descriptors) {
            this.real = real;
            this.descriptors = descriptors;
        }

        @Override
        public int read(ByteBuffer dst, IntConsumer received) throws IOException {
            return real.read(dst, received);
        }

        @Override
        public void write(ByteBuffer[] srcs) throws IOException {
            real.write(srcs);
        }

        @Override
        public void shutdownOutput() throws IOException {
            real.shutdownOutput();
        }

        @Override
        public void close() throws IOException {
            real.close();
            if (closed.compareAndSet(false, true)) {
                descriptors.give();
            }
        }

        @Override
        public String describe() {
            return "model " + real.describe();
        }
    }
}
