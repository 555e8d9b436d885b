package io.ampjava.integration;

import io.ampjava.annotations.Responder;
import io.ampjava.dispatch.SwitchedProtocol;

/** Serves {@link Sum} and switches to {@link EchoProtocol} on {@link SwitchToEcho}. */
public class Switchboard extends Arithmetic {
    @Responder(SwitchToEcho.class)
    SwitchedProtocol switchToEcho(String mode) {
        if (mode.equals("refuse")) {
            throw new SwitchRefused("not now");
        }
        return new EchoProtocol();
    }
}
