package io.ampjava.types;

import io.ampjava.wire.Box;

/**
 * Turns a record of arguments into the keys of a box and back: the arguments of a command, its
 * response, or one element of an {@link AmpListArgument}. The annotation processor generates one for
 * every {@code @AmpCommand}, {@code @Response} and {@code AmpList} element interface.
 *
 * @param <T> the record type
 */
public interface BoxCodec<T> {
    /**
     * Puts the encoding of each (present) field of {@code value} into {@code box}.
     *
     * @param value the record
     * @param box where the fields go
     * @param context the connection's descriptors and limits
     */
    void write(T value, Box box, ArgumentContext context);

    /**
     * Reads a record from {@code box}, ignoring keys it does not know.
     *
     * @param box the box received
     * @param context the connection's descriptors and limits
     * @return the record
     * @throws BadArgumentException if a required key is missing or a value does not decode
     */
    T read(Box box, ArgumentContext context);
}
