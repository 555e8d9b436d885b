package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;

/**
 * Twisted's {@code ProtocolSwitchCommand}: once answered, the connection speaks an echo protocol
 * instead of AMP. Mode {@code refuse} is refused with {@code REFUSED}, and AMP goes on.
 */
@AmpCommand(switchesProtocol = true, errors = @AmpError(code = "REFUSED", exception = SwitchRefused.class))
public interface SwitchToEcho {
    @Argument String mode();
}
