package app.calc;

import io.ampjava.annotations.Responder;
import io.ampjava.types.Descriptor;
import java.io.IOException;

final class Calculator {
    @Responder(Divide.class)
    Divide.Result divide(long numerator, long denominator) {
        if (denominator == 0) {
            throw new DivisionByZero(numerator + " / 0");
        }
        return DivideCommand.response((double) numerator / denominator);
    }

    @Responder(WriteInto.class)
    WriteInto.Written write(Descriptor fd, byte[] data) throws IOException {
        try (fd) {
            fd.write(data);
        }
        return WriteIntoCommand.response(data.length);
    }
}
