package chat;

public class Banned extends Exception {
    private static final long serialVersionUID = 1L;

    public Banned(String message) {
        super(message);
    }
}
