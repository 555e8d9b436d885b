package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;

/** A command no responder in these tests answers. */
@AmpCommand
public interface Unanswered {}
