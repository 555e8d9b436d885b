package nest;

import io.ampjava.annotations.Argument;

public interface Traced {
    @Argument("trace-id") String traceId();

    default String describe() {
        return "trace " + traceId();
    }
}
