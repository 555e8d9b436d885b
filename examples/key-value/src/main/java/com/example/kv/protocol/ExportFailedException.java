package com.example.kv.protocol;

import java.io.IOException;

/** {@link Export} could not write its snapshot: the error {@code EXPORT_FAILED} on the wire. */
public final class ExportFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    public ExportFailedException(String message) {
        super(message);
    }
}
