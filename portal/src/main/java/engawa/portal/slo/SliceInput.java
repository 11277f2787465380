package engawa.portal.slo;

/**
 * One measurement as sent (API, CSV upload or a Prometheus pull): times as ISO 8601 instants.
 *
 * @param good the good events in the slice
 * @param total all events in the slice, good ones included
 */
public record SliceInput(String start, String end, Long good, Long total) {
}
