package com.example.kv.protocol;

/**
 * An entry over {@link Limits#MAX_ENTRY_BYTES}: refused by {@link Put} with the error {@code
 * TOO_LARGE} on the wire, and by {@link Limits#batches} before a {@link PutAll} is sent.
 */
public final class EntryTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public EntryTooLargeException(String message) {
        super(message);
    }
}
