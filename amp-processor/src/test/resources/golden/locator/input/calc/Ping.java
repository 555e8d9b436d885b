package calc;

import io.ampjava.annotations.AmpCommand;

@AmpCommand
public interface Ping {}
