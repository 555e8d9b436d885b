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
 * Twisted calling Java: the Twisted client driver runs every row of the command table against the
 * Java peer ({@code java -jar amp-peer.jar serve}), over a Unix socket and over TCP. Then the raw
 * probes: the Java peer must answer each hostile or edge input byte for byte as Twisted did (the
 * stored transcripts, which {@link TwistedReferenceIT} re-checks against Twisted), close exactly when
 * Twisted closed, and serve a fresh connection afterwards.
 */
@Timeout(120)
class TwistedClientToJavaPeerIT {
    @TempDir
    static Path sockets;

    private static ConformancePeerProcess unix;
    private static ConformancePeerProcess tcp;

    @BeforeAll
    static void startPeers() {
        TwistedPython.require(TwistedPython.Need.TWISTED);
        unix = ConformancePeerProcess.start(Implementation.JAVA, Transport.UNIX, sockets);
        tcp = ConformancePeerProcess.start(Implementation.JAVA, Transport.TCP, sockets);
    }

    @AfterAll
    static void stopPeers() {
        try {
            // Whatever the rows and probes sent, the peer must still be serving.
            unix.assertAlive();
            tcp.assertAlive();
        } finally {
            unix.close();
            tcp.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> twistedClientOverUnix() {
        return PythonTool.twistedClient().checks("unix", unix.toolArguments(), KnownDifferences.TWISTED_CLIENT_ROWS_AGAINST_JAVA);
    }

    @TestFactory
    Stream<DynamicTest> twistedClientOverTcp() {
        return PythonTool.twistedClient().checks("tcp", tcp.toolArguments(), KnownDifferences.TWISTED_CLIENT_ROWS_AGAINST_JAVA);
    }

    @TestFactory
    Stream<DynamicTest> rawProbesOverUnix() {
        return probes(unix, "unix");
    }

    @TestFactory
    Stream<DynamicTest> rawProbesOverTcp() {
        return probes(tcp, "tcp");
    }

    private static Stream<DynamicTest> probes(ConformancePeerProcess peer, String transport) {
        List<String> arguments = new ArrayList<>(peer.toolArguments());
        arguments.addAll(List.of("--expect", InteropPaths.twistedProbeTranscripts().toString()));
        return PythonTool.rawProbes().checks(transport, arguments);
    }
}
