package opts;

/** A checked exception with only a no-argument constructor. */
public class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public RefusedException() {}
}
