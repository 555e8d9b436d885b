package p;

/** The user's own class, with the name the generated class would have by default. */
public final class DivideCommand {
    private DivideCommand() {}
}
