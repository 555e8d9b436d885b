package io.ampjava.conformance.commands;

import io.ampjava.annotations.AmpCommand;

/** Answers, then closes the connection (Twisted's {@code QuitBox}). */
@AmpCommand(closesConnection = true)
public interface Goodbye {}
