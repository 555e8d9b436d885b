package app.calc;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.server.AmpServer;
import io.ampjava.types.Descriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Serves and calls over a Unix socket and over TCP, printing what it sees for the test to check. */
public final class Main {
    public static void main(String[] args) throws Exception {
        System.out.println("modules " + Main.class.getModule().getName() + " " + Amp.class.getModule().getName());
        try (AmpServer server = Amp.listenUnix(Path.of(args[0]), () -> new CalculatorLocator(new Calculator()));
             AmpConnection connection = Amp.connectUnix(Path.of(args[0]), ResponderLocator.NONE)) {
            System.out.println("unix " + DivideCommand.callBlocking(connection, 1, 2).result());
            try {
                DivideCommand.callBlocking(connection, 1, 0);
                System.out.println("unix no error");
            } catch (DivisionByZero expected) {
                System.out.println("unix " + expected.getClass().getSimpleName() + ": " + expected.getMessage());
            }
            try (Descriptor.Pipe pipe = Descriptor.pipe()) {
                long written = WriteIntoCommand.callBlocking(connection, pipe.writeEnd(), bytes("hello")).written();
                pipe.writeEnd().close();
                System.out.println("unix fd " + written + " " + new String(pipe.readEnd().readAll(), StandardCharsets.US_ASCII));
            }
        }
        try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, () -> new CalculatorLocator(new Calculator()));
             AmpConnection connection = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE)) {
            System.out.println("tcp " + DivideCommand.callBlocking(connection, 3, 4).result());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
