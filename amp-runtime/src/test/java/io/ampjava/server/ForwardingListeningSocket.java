package io.ampjava.server;

import io.ampjava.transport.ListeningSocket;
import io.ampjava.transport.Transport;
import java.io.IOException;

/** A listening socket that does what another one does, except what a test overrides (its accepts, mostly). */
class ForwardingListeningSocket implements ListeningSocket {
    private final ListeningSocket delegate;

    ForwardingListeningSocket(ListeningSocket delegate) {
        this.delegate = delegate;
    }

    @Override
    public Transport accept() throws IOException {
        return delegate.accept();
    }

    @Override
    public String address() {
        return delegate.address();
    }

    @Override
    public int port() {
        return delegate.port();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
