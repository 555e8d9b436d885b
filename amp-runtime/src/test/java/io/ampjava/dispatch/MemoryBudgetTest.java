package io.ampjava.dispatch;

import static io.ampjava.wire.TestBoxes.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.Await;
import io.ampjava.transport.InMemoryTransport;
import io.ampjava.transport.NewThread;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A {@link MemoryBudget} shared by two connections: when it is spent, the connection that holds
 * more than its fair share stops reading, the other is still served; the first reads again once
 * the budget has room, or is closed if it stays over it for its budget timeout; and a closed
 * connection gives back all it held.
 */
@Timeout(30)
class MemoryBudgetTest {
    /** Each held request: a 10,000-byte value and its box, counted while its answer is pending. */
    private static final String VALUE = "x".repeat(10_000);
    private static final long BUDGET = 200_000;

    private final MemoryBudget budget = MemoryBudget.ofBytes(BUDGET);
    private final List<CompletableFuture<String>> held = new CopyOnWriteArrayList<>();
    private AmpConnection hog;
    private RawPeer hogPeer;
    private AmpConnection small;
    private RawPeer smallPeer;

    /** Answers hello only when the test completes its future: each request holds its bytes meanwhile. */
    private ResponderLocator holding() {
        return new TestCommands.MapLocator().withAsync(TestCommands.HELLO, (text, connection) -> {
            CompletableFuture<String> answer = new CompletableFuture<>();
            held.add(answer);
            return answer;
        });
    }

    private void open(Duration budgetTimeout) {
        ConnectionOptions options = ConnectionOptions.builder().memoryBudget(budget).budgetTimeout(budgetTimeout).build();
        InMemoryTransport.Pair first = InMemoryTransport.pair();
        hog = AmpConnection.open(first.left(), holding(), options);
        hogPeer = new RawPeer(first.right());
        InMemoryTransport.Pair second = InMemoryTransport.pair();
        small = AmpConnection.open(second.left(), TestCommands.calculator(), options);
        smallPeer = new RawPeer(second.right());
    }

    @AfterEach
    void close() {
        for (AutoCloseable closeable : new AutoCloseable[] {hog, hogPeer, small, smallPeer}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }

    /**
     * Sends {@code count} hello requests of about 10 KB each, tagged from {@code first}, from
     * another thread: a connection that stops reading blocks its peer's writes.
     */
    private void sendHeldRequests(int first, int count) {
        CompletableFuture.runAsync(() -> {
            try {
                for (int i = first; i < first + count; i++) {
                    hogPeer.send(box("_command", "hello", "_ask", Integer.toString(i), "hello", VALUE));
                }
            } catch (IOException closed) {
                // the connection was closed under the sender: what one test expects
            }
        }, NewThread.EACH_TASK);
    }

    /** Waits until the responder has seen no new request for a while; returns how many it saw. */
    private int settledCount() throws InterruptedException {
        int seen;
        do {
            seen = held.size();
            Thread.sleep(3 * ConnectionLimits.RECHECK_MILLIS);
        } while (held.size() != seen);
        return seen;
    }

    @Test
    void aConnectionOverTheSpentBudgetStopsReadingWhileASmallOneIsServedAndReadsAgainWhenThereIsRoom()
            throws Exception {
        open(Duration.ofMinutes(1));
        sendHeldRequests(1, 40);
        int taken = settledCount();
        // About the budget's worth of requests, counting the one being read when it ran out.
        assertTrue(taken >= BUDGET / 10_000 - 2 && taken < 40, taken + " requests taken in before the reader stopped");
        assertTrue(budget.isSpent(), budget.toString());

        smallPeer.send(box("_command", "Sum", "_ask", "1", "a", "1", "b", "2"));
        assertEquals("3", smallPeer.nextBox().getString("total"), "a small connection is served meanwhile");

        for (int i = 0; i < 10; i++) {
            held.get(i).complete("done");
        }
        for (int i = 0; i < 10; i++) {
            hogPeer.nextBox();
        }
        Await.condition("the reader taking requests again", () -> held.size() > taken);
        assertTrue(hog.isOpen());
        for (CompletableFuture<String> answer : held) {
            answer.complete("done");
        }
        Await.condition("all 40 requests taken in", () -> held.size() == 40);
    }

    @Test
    void aConnectionThatStaysOverTheBudgetIsClosedAfterTheBudgetTimeoutAndGivesItBack() throws Exception {
        open(Duration.ofMillis(300));
        sendHeldRequests(1, 40);
        Await.result(hog.closeFuture());
        ConnectionTimeoutException cause = assertInstanceOf(ConnectionTimeoutException.class, hog.closeCause());
        assertTrue(cause.getMessage().contains("of a spent memory budget for") && cause.getMessage().contains("(budget timeout)"),
                cause.getMessage());
        assertEquals(0, budget.used(), "what the closed connection held is given back");
        assertTrue(small.isOpen(), "the connection within its share stays");
        smallPeer.send(box("_command", "Sum", "_ask", "1", "a", "1", "b", "2"));
        assertEquals("3", smallPeer.nextBox().getString("total"));
    }

    @Test
    void aConnectionUnderItsFairShareIsNeverClosedByTheBudget() throws Exception {
        open(Duration.ofMillis(300));
        sendHeldRequests(1, 8); // about 80 KB: under the 128 KiB fair share, though over this budget's use
        Await.condition("eight requests held", () -> held.size() == 8);
        Thread.sleep(1_000);
        assertTrue(hog.isOpen(), "closed while holding less than its fair share");
    }

    @Test
    void closingGivesBackEverythingTheConnectionsHeld() throws Exception {
        open(Duration.ofMinutes(1));
        sendHeldRequests(1, 5);
        Await.condition("five requests held", () -> held.size() == 5);
        assertTrue(budget.used() >= 5 * 10_000, budget.toString());
        hog.close();
        small.close();
        assertEquals(0, budget.used(), budget.toString());
    }
}
