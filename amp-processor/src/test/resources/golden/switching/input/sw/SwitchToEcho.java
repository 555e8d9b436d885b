package sw;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;

/** Twisted's ProtocolSwitchCommand: after the answer, the connection speaks another protocol. */
@AmpCommand(switchesProtocol = true, errors = @AmpError(code = "REFUSED", exception = IllegalStateException.class))
public interface SwitchToEcho {
    @Argument String mode();

    /** Named like the generated parameter, which must step aside. */
    @Argument long protocol();

    /** Of a type named like the stubs' type variable, which must step aside too. */
    @Argument(type = PType.class) P tag();
}
