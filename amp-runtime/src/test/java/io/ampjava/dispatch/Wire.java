package io.ampjava.dispatch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Expected wire bytes, written out by hand: each key and value as given (no sorting), then 00 00. */
final class Wire {
    private Wire() {}

    static byte[] box(String... keysAndValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : keysAndValues) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length >>> 8);
            out.write(bytes.length & 0xff);
            out.writeBytes(bytes);
        }
        out.write(0);
        out.write(0);
        return out.toByteArray();
    }
}
