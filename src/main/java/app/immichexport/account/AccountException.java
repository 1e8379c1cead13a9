package app.immichexport.account;

/** A request about accounts, keys or tokens that is refused; the message says why, for the user. */
public class AccountException extends RuntimeException {

    public AccountException(String message) {
        super(message);
    }

    /** Refused because of who asks, not what they asked. */
    public static class Forbidden extends AccountException {
        public Forbidden(String message) {
            super(message);
        }
    }
}
