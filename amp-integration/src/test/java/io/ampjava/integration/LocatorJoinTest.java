package io.ampjava.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.StartTlsResponder;
import io.ampjava.tls.TlsOptions;
import org.junit.jupiter.api.Test;

/** Generated locators say which names they answer, so joining two that share one fails at once. */
class LocatorJoinTest {
    @Test
    void twoGeneratedLocatorsThatAnswerTheSameCommandCannotBeJoined() {
        ResponderLocator caller = new CallerLocator(new Caller());
        ResponderLocator peer = new PeerLocator(new Peer());
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class, () -> caller.or(peer));
        assertTrue(clash.getMessage().startsWith("both locators answer Sum: the second would never be asked"),
                clash.getMessage());
    }

    @Test
    void aGeneratedLocatorKnowsItsCommandsAndJoinsOthers() {
        ResponderLocator joined = new CallerLocator(new Caller()).or(StartTlsResponder.locator(TlsOptions.builder().build()));
        assertEquals(java.util.Set.of("Sum", "StartTLS"), joined.commandNames());
    }
}
