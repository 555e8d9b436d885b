package io.ampjava.conformance.commands;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Response;

/**
 * Every argument type at once, all optional ({@link EchoFields}): the responder decodes each argument
 * that is present and answers it re-encoded under the same key, so a peer's encoders and decoders can
 * be checked byte for byte. Absent arguments stay absent.
 */
@AmpCommand
public interface EchoTypes extends EchoFields {
    /** The same keys and types as the arguments. */
    @Response
    interface Echoed extends EchoFields {}
}
