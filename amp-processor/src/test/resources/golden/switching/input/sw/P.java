package sw;

/** A type named like the stubs' type variable, used by an argument: the variable must be renamed. */
public record P(String value) {}
