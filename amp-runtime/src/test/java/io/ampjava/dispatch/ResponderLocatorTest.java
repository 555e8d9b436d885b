package io.ampjava.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.tls.TlsOptions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ResponderLocatorTest {
    private static final Responder ONE = (request, connection) -> CompletableFuture.completedFuture(request);
    private static final Responder TWO = (request, connection) -> CompletableFuture.completedFuture(request);

    /** A locator that says which names it answers, as generated ones do. */
    private static ResponderLocator named(String label, Map<String, Responder> responders) {
        return new ResponderLocator() {
            @Override
            public Responder locate(String name) {
                return responders.get(name);
            }

            @Override
            public Set<String> commandNames() {
                return responders.keySet();
            }

            @Override
            public String toString() {
                return label;
            }
        };
    }

    @Test
    void joiningLocatorsThatAnswerTheSameNameFailsAtOnceNamingIt() {
        ResponderLocator first = named("First", Map.of("Sum", ONE, "Divide", ONE));
        ResponderLocator second = named("Second", Map.of("Sum", TWO, "Ping", TWO));
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class, () -> first.or(second));
        assertEquals("both locators answer Sum: the second would never be asked (joining First with Second)",
                clash.getMessage());
    }

    @Test
    void joinedLocatorsAskInOrderAndKnowAllTheirNames() {
        ResponderLocator joined = named("First", Map.of("Sum", ONE))
                .or(named("Second", Map.of("Ping", TWO)))
                .or(StartTlsResponder.locator(TlsOptions.builder().build()));
        assertSame(ONE, joined.locate("Sum"));
        assertSame(TWO, joined.locate("Ping"));
        assertTrue(joined.locate(StartTlsResponder.COMMAND) instanceof StartTlsResponder);
        assertNull(joined.locate("Other"));
        assertEquals(Set.of("Sum", "Ping", "StartTLS"), joined.commandNames());
        assertThrows(IllegalArgumentException.class,
                () -> joined.or(StartTlsResponder.locator(TlsOptions.builder().build())), "StartTLS twice");
    }

    @Test
    void locatorsThatCannotTellTheirNamesAreJoinedAsBefore() {
        ResponderLocator lambda = name -> name.equals("Sum") ? TWO : null;
        ResponderLocator joined = named("First", Map.of("Sum", ONE)).or(lambda);
        assertSame(ONE, joined.locate("Sum"), "the first answers");
        assertEquals(Set.of("Sum"), joined.commandNames());
    }
}
