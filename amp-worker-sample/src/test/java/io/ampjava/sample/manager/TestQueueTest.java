package io.ampjava.sample.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ampjava.testing.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20) // above Await.TIMEOUT, so that a stuck wait reports what it waited for
class TestQueueTest {
    private static List<String> names(TestQueue queue, List<Integer> positions) {
        List<String> names = new ArrayList<>();
        for (int position : positions) {
            names.add(queue.name(position));
        }
        return names;
    }

    @Test
    void eachWorkerKeepsToAClassThenTakesAFreshOneThenHelps() throws Exception {
        TestQueue queue = new TestQueue();
        queue.fill(List.of("p.A#1", "p.A#2", "p.A#3", "p.B#1", "p.C#1", "p.C#2", "p.C#3", "p.C#4"));
        List<Integer> zero = new ArrayList<>();
        List<Integer> one = new ArrayList<>();
        zero.add(queue.take(0)); // A#1
        one.add(queue.take(1));  // B#1: a class nobody started
        zero.add(queue.take(0)); // A#2
        one.add(queue.take(1));  // C#1: B is done, C is untouched
        zero.add(queue.take(0)); // A#3
        zero.add(queue.take(0)); // A done, nothing untouched: helps with C from its far end
        one.add(queue.take(1));  // C#2
        one.add(queue.take(1));  // C#3
        queue.leave(1);          // worker 1 is done with C#3 and stops
        assertEquals(0, queue.take(0));
        assertEquals(0, queue.take(1));
        assertEquals(List.of("p.A#1", "p.A#2", "p.A#3", "p.C#4"), names(queue, zero));
        assertEquals(List.of("p.B#1", "p.C#1", "p.C#2", "p.C#3"), names(queue, one));
        assertEquals(List.of(), queue.untaken());
    }

    @Test
    void pythonNamesGroupByTheirClassAndLeftoversKeepTheirOrder() throws Exception {
        assertEquals("pkg.mod.Tests", TestQueue.groupOf("pkg.mod.Tests.test_x"));
        assertEquals("pkg.Class", TestQueue.groupOf("pkg.Class#method"));
        TestQueue queue = new TestQueue();
        queue.fill(List.of("m.T.a", "m.U.b", "m.T.c"));
        assertEquals(1, queue.take(0));
        assertEquals(List.of(2, 3), queue.untaken());
    }

    private static int take(TestQueue queue, int worker) {
        try {
            return queue.take(worker);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWorkerWithNothingLeftWaitsForTestsInFlightThatMayComeBack() throws Exception {
        TestQueue queue = new TestQueue();
        queue.fill(List.of("p.A#1", "p.A#2"));
        assertEquals(1, queue.take(0));
        assertEquals(2, queue.take(1)); // helps with A from its far end
        CompletableFuture<Integer> idle = CompletableFuture.supplyAsync(() -> take(queue, 1));
        Thread.sleep(100);
        assertFalse(idle.isDone(), "worker 1 must wait: worker 0's test may come back");
        assertEquals(1, queue.lostWorker(0));
        queue.retry(0);                 // worker 0 was lost: its test goes back
        assertEquals(1, Await.result(idle));
        assertEquals(2, queue.lostWorker(1), "the same test lost a second worker");
        queue.leave(1);
        assertEquals(0, queue.take(0), "nothing left and nothing in flight");
        assertEquals(List.of(), queue.untaken());
    }

    @Test
    void stoppingHandsOutNothingMoreAndKeepsTheRestUntaken() throws Exception {
        TestQueue queue = new TestQueue();
        queue.fill(List.of("p.A#1", "p.A#2", "p.B#1"));
        assertEquals(1, queue.take(0));
        queue.stop();
        assertEquals(0, queue.take(0));
        assertEquals(List.of(2, 3), queue.untaken());
    }

    @Test
    void workersWaitForTheList() throws Exception {
        TestQueue queue = new TestQueue();
        CompletableFuture<Integer> taken = CompletableFuture.supplyAsync(() -> take(queue, 0));
        Thread.sleep(100);
        assertEquals(false, taken.isDone());
        queue.fill(List.of("x.Y#z"));
        assertEquals(1, Await.result(taken));
        TestQueue cancelled = new TestQueue();
        cancelled.cancel();
        assertEquals(0, cancelled.take(0));
    }
}
