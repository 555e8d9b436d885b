package io.ampjava.dispatch;

import static io.ampjava.dispatch.TestCommands.SUM;
import static io.ampjava.wire.TestBoxes.box;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ampjava.dispatch.TestCommands.Operands;
import io.ampjava.testing.Await;
import io.ampjava.testing.WireBytes;
import io.ampjava.transport.InMemoryTransport;
import io.ampjava.wire.Box;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reader reuses a box once nothing holds it (an answer decoded into a typed call's result, a
 * request decoded by a typed responder), and never one that is handed on: a raw call's answer, a
 * request a raw responder keeps.
 */
@Timeout(20)
class BoxReuseTest {
    private AmpConnection connection;
    private RawPeer peer;

    private void open(ResponderLocator locator) {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        connection = AmpConnection.open(pair.left(), locator);
        peer = new RawPeer(pair.right());
    }

    @AfterEach
    void close() {
        connection.close();
        peer.close();
    }

    /** The boxes, written by the peer in one go: the reader gets them in one read. */
    private void sendTogether(Box... boxes) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Box box : boxes) {
            bytes.write(io.ampjava.wire.BoxEncoder.encode(box));
        }
        peer.sendBytes(bytes.toByteArray());
    }

    @Test
    void rawAnswersStayWhatTheyWereWhenTypedAnswersFollow() throws Exception {
        open(ResponderLocator.NONE);
        CompletableFuture<Box> first = connection.callRemoteString("Raw", new Box());
        CompletableFuture<TestCommands.Total> typed = connection.callRemote(SUM, new Operands(1, 2));
        CompletableFuture<Box> second = connection.callRemoteString("Raw", new Box());
        for (int i = 0; i < 3; i++) {
            peer.nextBox();
        }
        sendTogether(box("_answer", "1", "v", "first"), box("_answer", "2", "total", "3"),
                box("_answer", "3", "v", "second"));
        assertEquals(box("_answer", "1", "v", "first"), Await.result(first));
        assertEquals(3, Await.result(typed).total());
        assertEquals(box("_answer", "3", "v", "second"), Await.result(second));
    }

    @Test
    void aRequestARawResponderKeepsIsNotReused() throws Exception {
        List<Box> kept = new ArrayList<>();
        open(new TestCommands.MapLocator()
                .with("Keep", (request, c) -> {
                    kept.add(request);
                    return CompletableFuture.completedFuture(new Box());
                })
                .with(SUM, (operands, c) -> TestCommands.sum(operands)));
        sendTogether(box("_command", "Keep", "_ask", "1", "x", "kept"),
                box("_command", "Sum", "_ask", "2", "a", "1", "b", "2"),
                box("_command", "Sum", "_ask", "3", "a", "5", "b", "5"));
        peer.expectBytes(WireBytes.box("_answer", "1"));
        peer.expectBytes(WireBytes.box("_answer", "2", "total", "3"));
        peer.expectBytes(WireBytes.box("_answer", "3", "total", "10"));
        assertEquals(box("_command", "Keep", "_ask", "1", "x", "kept"), kept.get(0));
    }
}
