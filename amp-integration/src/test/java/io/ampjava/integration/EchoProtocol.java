package io.ampjava.integration;

import io.ampjava.dispatch.ProtocolChannel;
import io.ampjava.dispatch.SwitchedProtocol;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** What a connection speaks after {@link SwitchToEcho}: answers every chunk with {@code ECHO:} and the chunk. */
public final class EchoProtocol implements SwitchedProtocol {
    private static final byte[] PREFIX = "ECHO:".getBytes(StandardCharsets.US_ASCII);

    private ProtocolChannel channel;

    @Override
    public void connectionMade(ProtocolChannel channel) {
        this.channel = channel;
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        ByteBuffer echo = ByteBuffer.allocate(PREFIX.length + data.remaining());
        echo.put(PREFIX).put(data).flip();
        channel.write(echo);
    }

    @Override
    public void connectionLost(Throwable cause) {}
}
