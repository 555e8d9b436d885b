package com.example.kv.protocol;

import io.ampjava.annotations.Argument;

/**
 * A key and its value: an element of an AmpList. {@link PutAll} sends them, {@link Entries} answers
 * with them; both use the one generated record, {@code EntryElement}.
 */
public interface Entry {
    @Argument String key();

    @Argument byte[] value();
}
