package io.ampjava.conformance.interop;

import io.ampjava.Amp;
import io.ampjava.conformance.interop.ConformancePeerProcess.Implementation;
import io.ampjava.conformance.interop.ConformancePeerProcess.Transport;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.testing.TwistedPython;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Java client to the Twisted peer over TCP: every row but the descriptor ones. */
class JavaClientToTwistedPeerOverTcpIT extends JavaClientRows {
    @TempDir
    static Path sockets;

    private static ConformancePeerProcess peer;

    @BeforeAll
    static void startPeer() {
        TwistedPython.require(TwistedPython.Need.TWISTED);
        peer = ConformancePeerProcess.start(Implementation.TWISTED, Transport.TCP, sockets);
    }

    @AfterAll
    static void stopPeer() {
        if (peer != null) {
            try {
                peer.assertAlive();
            } finally {
                peer.close();
            }
        }
    }

    @Override
    AmpConnection open(ResponderLocator locator) throws IOException {
        return Amp.connectTcp("127.0.0.1", peer.tcpPort(), locator);
    }

}
