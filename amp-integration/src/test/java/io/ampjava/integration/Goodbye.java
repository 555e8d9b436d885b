package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;

/** Answers, then the responder closes the connection (Twisted's QuitBox). */
@AmpCommand(closesConnection = true)
public interface Goodbye {}
