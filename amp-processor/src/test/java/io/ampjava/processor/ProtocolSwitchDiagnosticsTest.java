package io.ampjava.processor;

import static io.ampjava.processor.Diagnostics.assertSingleError;
import static io.ampjava.processor.Diagnostics.file;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @AmpCommand(switchesProtocol = true)} combined with what it cannot be, and responders that return no protocol. */
class ProtocolSwitchDiagnosticsTest {
    private static final JavaFileObject SWITCH = file("Switch", """
            @AmpCommand(switchesProtocol = true)
            public interface Switch {
                @Argument String mode();
            }
            """);

    @Test
    void aSwitchWithAResponse() {
        assertSingleError("command Switch switches protocol, so its answer is _answer alone (as in Twisted):"
                + " remove @Response Result", "switchesProtocol = true", file("Switch", """
                @AmpCommand(name = "Switch",
                        switchesProtocol = true)
                public interface Switch {
                    @Response interface Result { @Argument long x(); }
                }
                """));
    }

    @Test
    void aSwitchWithoutAnAnswer() {
        assertSingleError("command Switch switches protocol when it is answered: it cannot have requiresAnswer = false",
                "switchesProtocol = true", file("Switch", """
                @AmpCommand(requiresAnswer = false,
                        switchesProtocol = true)
                public interface Switch {}
                """));
    }

    @Test
    void aSwitchThatClosesTheConnection() {
        assertSingleError("command Switch switches protocol: the connection stays open for the new protocol, so it"
                + " cannot have closesConnection = true", "switchesProtocol = true", file("Switch", """
                @AmpCommand(closesConnection = true,
                        switchesProtocol = true)
                public interface Switch {}
                """));
    }

    @Test
    void aSwitchResponderThatReturnsSomethingElse() {
        assertSingleError("responder open() must return a SwitchedProtocol or a CompletionStage of one: Switch switches"
                + " the connection to the protocol it returns; it returns java.lang.String", "String open", file("Server", """
                public class Server {
                    @Responder(Switch.class)
                    String open(String mode) {
                        return mode;
                    }
                }
                """), SWITCH);
    }

    @Test
    void aSwitchResponderThatReturnsNothing() {
        assertSingleError("responder open() must return a SwitchedProtocol or a CompletionStage of one", "void open",
                file("Server", """
                public class Server {
                    @Responder(Switch.class)
                    void open() {}
                }
                """), SWITCH);
    }

    @Test
    void aSwitchResponderThatReturnsAStageOfSomethingElse() {
        assertSingleError("responder open() must return a SwitchedProtocol or a CompletionStage of one", "CompletionStage<Void> open",
                file("Server", """
                public class Server {
                    @Responder(Switch.class)
                    CompletionStage<Void> open() {
                        return null;
                    }
                }
                """), SWITCH);
    }
}
