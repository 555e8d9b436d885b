package opts;

import io.ampjava.annotations.AmpCommand;

/** Twisted's QuitBox: the responder closes the connection after answering. */
@AmpCommand(closesConnection = true)
public interface Goodbye {}
