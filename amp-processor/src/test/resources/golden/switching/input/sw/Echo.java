package sw;

import io.ampjava.dispatch.ProtocolChannel;
import io.ampjava.dispatch.SwitchedProtocol;
import java.nio.ByteBuffer;

/** Sends back what it receives. */
public final class Echo implements SwitchedProtocol {
    private ProtocolChannel channel;

    @Override
    public void connectionMade(ProtocolChannel channel) {
        this.channel = channel;
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        channel.write(data);
    }

    @Override
    public void connectionLost(Throwable cause) {}
}
