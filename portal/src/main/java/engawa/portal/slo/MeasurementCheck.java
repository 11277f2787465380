package engawa.portal.slo;

import engawa.db.slo.Slice;
import engawa.portal.shared.UserFacingException.FieldProblem;
import java.time.Instant;
import java.util.List;

/**
 * Measurements read and checked, before anything is written.
 *
 * @param slices the good ones, by start
 * @param problems each refused row (1-based, as a person counts them) and why
 * @param replacing how many of the slices replace stored ones (same start and end)
 */
public record MeasurementCheck(List<Slice> slices, List<FieldProblem> problems, int replacing) {

    public boolean ok() {
        return problems.isEmpty();
    }

    public long good() {
        return slices.stream().mapToLong(Slice::good).sum();
    }

    public long total() {
        return slices.stream().mapToLong(Slice::total).sum();
    }

    public Instant from() {
        return slices.isEmpty() ? null : slices.getFirst().start();
    }

    public Instant to() {
        return slices.stream().map(Slice::end).max(Instant::compareTo).orElse(null);
    }
}
