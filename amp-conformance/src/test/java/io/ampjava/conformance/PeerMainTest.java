package io.ampjava.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The command line's usage errors and messages; serving and benchmarking run in the interop suite. */
@Timeout(30)
class PeerMainTest {
    private record Outcome(int status, String out, String err) {}

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = PeerMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(status, out.toString(), err.toString());
    }

    @Test
    void helpListsBothCommands() {
        Outcome outcome = run("--help");
        assertEquals(0, outcome.status());
        assertTrue(outcome.out().contains("serve") && outcome.out().contains("bench"), outcome.out());
    }

    @Test
    void serveNeedsExactlyOneAddress() {
        Outcome none = run("serve");
        assertEquals(2, none.status());
        assertTrue(none.err().contains("--unix") && none.err().contains("--tcp"), none.err());
        Outcome both = run("serve", "--unix", "/tmp/x.sock", "--tcp", "0");
        assertEquals(2, both.status());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
    }

    @Test
    void serveRefusesAPortOutOfRange() {
        Outcome outcome = run("serve", "--tcp", "70000");
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().contains("--tcp needs a port from 0 to 65535, not 70000"), outcome.err());
    }

    @Test
    void benchChecksItsNumbersAndCommand() {
        Outcome zero = run("bench", "--unix", "/tmp/x.sock", "--calls", "0", "--outstanding", "1");
        assertEquals(2, zero.status());
        assertTrue(zero.err().contains("--calls and --outstanding must be at least 1"), zero.err());
        Outcome unknown = run("bench", "--unix", "/tmp/x.sock", "--calls", "1", "--outstanding", "1", "--command", "Nope");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("--command must be Sum or WriteDescriptor, not Nope"), unknown.err());
        Outcome missing = run("bench", "--calls", "1", "--outstanding", "1");
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("--unix"), missing.err());
    }

    @Test
    void aPeerThatIsNotThereIsOneLineAndStatusOne() {
        Outcome outcome = run("bench", "--unix", "/nonexistent/amp-peer.sock", "--calls", "1", "--outstanding", "1");
        assertEquals(1, outcome.status());
        assertTrue(outcome.err().startsWith("amp-peer: "), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
    }

    @Test
    void serveChecksItsBudgetsAndTimeouts() {
        Outcome connections = run("serve", "--tcp", "0", "--max-connections", "0");
        assertEquals(2, connections.status());
        assertTrue(connections.err().contains("--max-connections must be at least 1, not 0"), connections.err());
        Outcome budget = run("serve", "--tcp", "0", "--memory-budget", "lots");
        assertEquals(2, budget.status());
        assertTrue(budget.err().contains("--memory-budget needs a positive number of bytes"), budget.err());
        Outcome timeout = run("serve", "--tcp", "0", "--idle-timeout", "-1");
        assertEquals(2, timeout.status());
        assertTrue(timeout.err().contains("--idle-timeout must be from 0 to 86400 seconds, not -1.0"), timeout.err());
        Outcome budgetTimeout = run("serve", "--tcp", "0", "--budget-timeout", "0");
        assertEquals(2, budgetTimeout.status());
        assertTrue(budgetTimeout.err().contains("--budget-timeout must be more than 0"), budgetTimeout.err());
    }

    @Test
    void servePipesNeedsTwoDescriptors() {
        Outcome outcome = run("serve", "--pipes", "3");
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().contains("--pipes needs two different descriptors READ,WRITE such as 3,4, not 3"),
                outcome.err());
        Outcome both = run("serve", "--pipes", "3,4", "--tcp", "0");
        assertEquals(2, both.status());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
    }

    @Test
    void memoryBudgetsTakeBinarySuffixes() {
        assertEquals(4096, ServeOptions.bytes(null, "4096"));
        assertEquals(512L << 10, ServeOptions.bytes(null, "512K"));
        assertEquals(24L << 20, ServeOptions.bytes(null, "24m"));
        assertEquals(1L << 30, ServeOptions.bytes(null, "1G"));
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Outcome outcome = run("nope");
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().contains("nope"), outcome.err());
    }
}
