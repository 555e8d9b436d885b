package chat;

public class QuotaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QuotaException(String message) {
        super(message);
    }
}
