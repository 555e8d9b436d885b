package sw;

import io.ampjava.annotations.AmpCommand;

/** A switch without arguments, whose responder decides later. */
@AmpCommand(name = "upgrade", switchesProtocol = true)
public interface Upgrade {}
