package io.ampjava.dispatch;

import io.ampjava.types.Descriptor;
import io.ampjava.wire.Box;
import java.util.ArrayList;
import java.util.List;

/** A {@link AmpConnection#callRemote} call: decodes the answer, maps declared error codes. */
final class TypedCall<R> extends PendingCall<R> {
    private final Command<?, R> command;

    TypedCall(AmpConnection connection, Command<?, R> command) {
        super(connection);
        this.command = command;
    }

    @Override
    void answered(Box answer) {
        DescriptorExchange descriptors = connection.descriptorExchange();
        if (!descriptors.canReceive() || descriptors.waiting() == 0) {
            R response;
            try {
                response = command.response().read(answer, descriptors);
            } catch (RuntimeException undecodable) {
                fail(undecodable);
                return;
            }
            complete(response);
            return;
        }
        // The caller may give up (a timeout, a cancel) while the answer is decoded: its future is then
        // complete already, and the descriptors the answer claimed would reach nobody. So are those of
        // an answer that fails to decode half way. Both are closed here.
        List<Descriptor> claimed = new ArrayList<>(2);
        R response;
        try {
            response = command.response().read(answer, descriptors.recordingClaims(claimed));
        } catch (RuntimeException undecodable) {
            claimed.forEach(Descriptor::close);
            fail(undecodable);
            return;
        }
        if (!complete(response)) {
            claimed.forEach(Descriptor::close);
        }
    }

    @Override
    PendingCalls.Abandoned abandoned() {
        // Locals only: the marker must not keep this call (and its future) reachable.
        Command<?, R> late = command;
        DescriptorExchange exchange = connection.descriptorExchange();
        // The late answer is decoded only to claim (and close) the descriptors it names.
        return answer -> {
            if (exchange.waiting() == 0) {
                return;
            }
            try {
                late.response().read(answer, exchange.closingEachClaimed());
            } catch (RuntimeException undecodable) {
                // nothing more to free
            }
        };
    }

    @Override
    void failed(String code, String description) {
        fail(command.failureFor(code, description));
    }
}
