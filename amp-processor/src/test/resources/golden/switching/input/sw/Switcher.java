package sw;

import io.ampjava.annotations.Responder;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.SwitchedProtocol;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Switching responders: one returns the protocol, one a stage of a protocol subtype. */
final class Switcher {
    @Responder(SwitchToEcho.class)
    SwitchedProtocol echo(String mode, AmpConnection connection) {
        if (mode.isEmpty()) {
            throw new IllegalStateException("no mode");
        }
        return new Echo();
    }

    @Responder(Upgrade.class)
    CompletionStage<Echo> upgrade() {
        return CompletableFuture.completedFuture(new Echo());
    }
}
