package io.ampjava.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ampjava.transport.InMemoryTransport;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How the reader writes what one read's boxes queue: in one write, or in four once the previous
 * read brought at least eight boxes, so that the peer starts on the first answers while the rest
 * are dispatched.
 */
@Timeout(20)
class ReadBatchingTest {
    private final InMemoryTransport.Pair pair = InMemoryTransport.pair();
    private final AmpConnection server = AmpConnection.open(pair.right(), TestCommands.calculator());
    private final RawPeer peer = new RawPeer(pair.left());
    private int asked;

    @AfterEach
    void close() {
        server.close();
        peer.close();
    }

    @Test
    void aReadAfterSmallReadsIsAnsweredInOneWrite() throws Exception {
        assertEquals(1, writesToAnswer(4), "the first read");
        assertEquals(1, writesToAnswer(16), "after a read of 4 boxes");
    }

    @Test
    void aReadAfterOneOfEightOrMoreBoxesIsAnsweredInQuarters() throws Exception {
        assertEquals(1, writesToAnswer(16), "the first read");
        assertEquals(4, writesToAnswer(16), "four answers per write");
        assertEquals(2, writesToAnswer(8), "a part is sized from the previous read: four, so eight answers take two");
    }

    /** Sends {@code count} Sum requests in one write; returns how many writes their answers took. */
    private long writesToAnswer(int count) throws IOException, InterruptedException {
        long before = pair.right().writeCalls();
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            asked++;
            requests.writeBytes(BoxEncoder.encode(new Box().put("_command", "Sum").put("_ask", Integer.toString(asked))
                    .put("a", "1").put("b", Integer.toString(asked))));
        }
        peer.transport.write(new ByteBuffer[] {ByteBuffer.wrap(requests.toByteArray())});
        for (int i = 0; i < count; i++) {
            peer.nextBox();
        }
        return pair.right().writeCalls() - before;
    }
}
