package io.ampjava.conformance.exhaustion;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.Map;

/**
 * The live heap of the server after a full collection, from {@code jcmd GC.class_histogram}: its
 * total, and the live instances of each class.
 */
record Heap(long liveBytes, Map<String, Long> instances) {
    static final String CONNECTION = "io.ampjava.dispatch.AmpConnection";
    static final String DIRECT_BUFFER = "java.nio.DirectByteBuffer";

    static Heap parse(String histogram) {
        Map<String, Long> counts = new HashMap<>();
        long total = -1;
        for (String line : histogram.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 4 && fields[0].endsWith(":") && fields[0].chars().limit(fields[0].length() - 1)
                    .allMatch(Character::isDigit)) {
                counts.merge(fields[3], Long.parseLong(fields[1]), Long::sum);
            } else if (fields.length == 3 && fields[0].equals("Total")) {
                total = Long.parseLong(fields[2]);
            }
        }
        if (total < 0) {
            fail("no Total line in the histogram:\n" + histogram);
        }
        return new Heap(total, Map.copyOf(counts));
    }

    long liveKiB() {
        return liveBytes / 1024;
    }

    /** Live instances of {@code className} (0 when none). */
    long instances(String className) {
        return instances.getOrDefault(className, 0L);
    }

    long connections() {
        return instances(CONNECTION);
    }

    long directBuffers() {
        return instances(DIRECT_BUFFER);
    }
}
