package app.calc;

/** An error type in a package the module does not export: the runtime must not need to reach it. */
public class DivisionByZero extends RuntimeException {
    public DivisionByZero(String message) {
        super(message);
    }
}
