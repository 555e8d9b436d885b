package io.ampjava.cli.serve;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.Responder;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answers every command with its own arguments: the request less {@code _command} and
 * {@code _ask}. One per connection. Descriptors the peer passes are closed once the request that
 * came with them is answered; their ordinals are echoed as the text they are.
 */
final class EchoLocator implements ResponderLocator {
    private final Responder echo = new Responder() {
        @Override
        public CompletionStage<Box> respond(Box request, AmpConnection connection) {
            Box answer = request.copy();
            answer.remove(AmpKeys.COMMAND_KEY);
            answer.remove(AmpKeys.ASK_KEY);
            if (carriesDescriptors) {
                closeReceived(connection.argumentContext());
            }
            return CompletableFuture.completedFuture(answer);
        }
    };
    private final boolean carriesDescriptors;
    /** Responders run on the connection's reader thread, one at a time. */
    private int nextReceived;

    /** {@code carriesDescriptors}: whether the connections are Unix sockets, where descriptors come. */
    EchoLocator(boolean carriesDescriptors) {
        this.carriesDescriptors = carriesDescriptors;
    }

    @Override
    public Responder locate(String commandName) {
        return echo;
    }

    private void closeReceived(ArgumentContext context) {
        while (true) {
            Optional<Descriptor> waiting = context.tryClaimDescriptor(nextReceived);
            if (waiting.isEmpty()) {
                return;
            }
            waiting.get().close();
            nextReceived++;
        }
    }
}
