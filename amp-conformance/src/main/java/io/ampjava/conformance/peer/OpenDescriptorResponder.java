package io.ampjava.conformance.peer;

import io.ampjava.conformance.commands.OpenDescriptor;
import io.ampjava.conformance.commands.OpenDescriptorCommand;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.Responder;
import io.ampjava.dispatch.Responders;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.Box;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Answers OpenDescriptor: opens the path for reading, sends the descriptor, and closes the peer's own
 * copy once the answer is encoded (encoding hands the connection a duplicate to send). A
 * {@code @Responder} method returns before its answer is encoded, and so could not know when to
 * close; wrapping the box-level responder can, and it still uses the generated codecs.
 */
final class OpenDescriptorResponder implements Responder {
    private final PeerExecutors executors;

    OpenDescriptorResponder(PeerExecutors executors) {
        this.executors = executors;
    }

    @Override
    public CompletionStage<Box> respond(Box request, AmpConnection connection) throws Exception {
        AtomicReference<Descriptor> opened = new AtomicReference<>();
        Responder typed = Responders.of(OpenDescriptorCommand.COMMAND, (arguments, c) ->
                CompletableFuture.supplyAsync(() -> open(arguments, opened), executors.blocking()));
        return typed.respond(request, connection).whenComplete((answer, failure) -> {
            Descriptor descriptor = opened.get();
            if (descriptor != null) {
                descriptor.close();
            }
        });
    }

    private static OpenDescriptor.Result open(OpenDescriptor arguments, AtomicReference<Descriptor> opened) {
        try {
            Descriptor descriptor = Descriptor.openForReading(arguments.path());
            opened.set(descriptor);
            return OpenDescriptorCommand.response(descriptor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
