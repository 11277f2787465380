package engawa.integrations.slo;

/** A pull that did not work, with a message an SLO's owners can act on. */
public class PrometheusException extends RuntimeException {

    public PrometheusException(String message) {
        super(message);
    }
}
