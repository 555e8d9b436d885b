package chat;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;

public interface Room {
    /** Leaves and hangs up. */
    @AmpCommand(closesConnection = true)
    interface Leave {}

    @AmpCommand(requiresAnswer = false, errors = @AmpError(code = "LATE", exception = QuotaException.class))
    interface Typing {
        @Argument String who();
    }

    @AmpCommand(switchesProtocol = true, errors = @AmpError(code = "DIVIDE", exception = ArithmeticException.class,
            pythonName = "Overflow"))
    interface Upgrade {
        @Argument String protocol();
    }
}
