package io.ampjava.conformance.interop;

import io.ampjava.conformance.interop.ConformancePeerProcess.Implementation;
import io.ampjava.conformance.interop.ConformancePeerProcess.Transport;
import io.ampjava.testing.TwistedPython;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twisted against Twisted: the client driver passes every row against the Twisted peer, and the
 * Twisted peer still answers the raw probes exactly as the stored transcripts say. This keeps the
 * yardsticks honest: the Java peer is held to them, so they must hold for Twisted itself.
 */
@Timeout(120)
class TwistedReferenceIT {
    @TempDir
    static Path sockets;

    private static ConformancePeerProcess unix;
    private static ConformancePeerProcess tcp;

    @BeforeAll
    static void startPeers() {
        TwistedPython.require(TwistedPython.Need.TWISTED);
        unix = ConformancePeerProcess.start(Implementation.TWISTED, Transport.UNIX, sockets);
        tcp = ConformancePeerProcess.start(Implementation.TWISTED, Transport.TCP, sockets);
    }

    @AfterAll
    static void stopPeers() {
        try {
            for (ConformancePeerProcess peer : new ConformancePeerProcess[] {unix, tcp}) {
                if (peer != null) {
                    peer.assertAlive();
                }
            }
        } finally {
            for (ConformancePeerProcess peer : new ConformancePeerProcess[] {unix, tcp}) {
                if (peer != null) {
                    peer.close();
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> twistedClientOverUnix() {
        return PythonTool.twistedClient().checks("unix", unix.toolArguments());
    }

    @TestFactory
    Stream<DynamicTest> twistedClientOverTcp() {
        return PythonTool.twistedClient().checks("tcp", tcp.toolArguments());
    }

    @TestFactory
    Stream<DynamicTest> probeTranscriptsOverUnix() {
        return probes(unix);
    }

    @TestFactory
    Stream<DynamicTest> probeTranscriptsOverTcp() {
        return probes(tcp);
    }

    private static Stream<DynamicTest> probes(ConformancePeerProcess peer) {
        List<String> arguments = new ArrayList<>(peer.toolArguments());
        arguments.addAll(List.of("--expect", InteropPaths.twistedProbeTranscripts().toString()));
        return PythonTool.rawProbes().checks(peer == unix ? "unix" : "tcp", arguments);
    }
}
