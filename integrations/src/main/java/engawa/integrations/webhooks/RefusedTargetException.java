package engawa.integrations.webhooks;

/** A webhook target we will not send to, with a reason a person can act on. */
public class RefusedTargetException extends Exception {

    public RefusedTargetException(String reason) {
        super(reason);
    }
}
