package io.ampjava.benchmarks.alloc;

import io.ampjava.benchmarks.codec.SumCommand;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.Responder;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.Responders;
import io.ampjava.transport.unix.UnixTransport;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Bytes allocated per call on each side of a Java↔Java {@code Sum}, for the whole call path: both
 * connections run in this JVM over a Unix socket pair, and the JVM's per-thread allocation counters
 * ({@code com.sun.management.ThreadMXBean}) are read for the threads that do the work: the calling
 * thread and the client's reader (the client side), the server's reader (the server side).
 *
 * <pre>{@code
 * java -cp amp-benchmarks/target/amp-benchmarks.jar io.ampjava.benchmarks.alloc.CallAllocation [calls]
 * }</pre>
 *
 * <p>It uses only API that has not changed since the first release of the runtime, so the same file
 * measures an older checkout for a before/after comparison.
 */
public final class CallAllocation {
    private static final String CLIENT_READER = "amp-reader unix:socketpair[0]";
    private static final String SERVER_READER = "amp-reader unix:socketpair[1]";

    private CallAllocation() {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        UnixTransport[] pair = UnixTransport.pair();
        Responder sum = Responders.ofSync(SumCommand.COMMAND, (arguments, connection) ->
                SumCommand.response(arguments.a() + arguments.b()));
        ResponderLocator adder = name -> name.equals("Sum") ? sum : null;
        try (AmpConnection server = AmpConnection.open(pair[1], adder);
                AmpConnection client = AmpConnection.open(pair[0], ResponderLocator.NONE)) {
            for (int inFlight : new int[] {1, 16, 256}) {
                run(client, calls, inFlight); // warm-up: compile the path first
                Map<String, Long> before = allocated();
                run(client, calls, inFlight);
                Map<String, Long> after = allocated();
                long clientBytes = delta(before, after, Thread.currentThread().getName()) + delta(before, after, CLIENT_READER);
                long serverBytes = delta(before, after, SERVER_READER);
                System.out.printf("in flight %3d: client %6.0f bytes/call, server %6.0f bytes/call%n", inFlight,
                        (double) clientBytes / calls, (double) serverBytes / calls);
            }
        }
    }

    private static void run(AmpConnection client, int calls, int inFlight) throws InterruptedException {
        Semaphore window = new Semaphore(inFlight);
        CompletableFuture<Void> done = new CompletableFuture<>();
        int[] left = {calls};
        for (int i = 0; i < calls; i++) {
            window.acquire();
            long a = i;
            SumCommand.call(client, a, 1).whenComplete((result, failure) -> {
                if (failure != null || result.total() != a + 1) {
                    done.completeExceptionally(failure != null ? failure : new AssertionError("wrong total"));
                }
                window.release();
                synchronized (left) {
                    if (--left[0] == 0) {
                        done.complete(null);
                    }
                }
            });
        }
        done.join();
    }

    /** Bytes allocated so far by each live thread, by name. */
    private static Map<String, Long> allocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<String, Long> bytes = new HashMap<>();
        Thread.getAllStackTraces().keySet().forEach(thread ->
                bytes.merge(thread.getName(), threads.getThreadAllocatedBytes(thread.getId()), Long::sum));
        return bytes;
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String thread) {
        return after.getOrDefault(thread, 0L) - before.getOrDefault(thread, 0L);
    }
}
