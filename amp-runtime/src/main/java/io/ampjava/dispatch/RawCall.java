package io.ampjava.dispatch;

import io.ampjava.wire.Box;

/** A {@link AmpConnection#callRemoteString} call: the raw answer box, or a {@link RemoteAmpException}. */
final class RawCall extends PendingCall<Box> {
    RawCall(AmpConnection connection) {
        super(connection);
    }

    @Override
    boolean keepsAnswer() {
        return true; // the caller gets the box itself
    }

    @Override
    void answered(Box answer) {
        complete(answer);
    }

    @Override
    PendingCalls.Abandoned abandoned() {
        return answer -> {}; // no schema: which descriptors it names is not known
    }

    @Override
    void failed(String code, String description) {
        fail(new RemoteAmpException(code, description));
    }
}
