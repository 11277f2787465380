package engawa.portal.slo;

import engawa.db.slo.Measurements;
import engawa.db.slo.Slice;
import engawa.db.slo.SloRow;
import engawa.db.slo.Slos;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Reads measurements, refuses contradictions row by row, and writes a batch whole or not at all:
 * good above total, negative counts, an end not after the start, a slice longer than a day or
 * ending in the future, and slices that overlap others (sent or stored) with other bounds. The
 * same slice (same start and end) sent again replaces the stored one. Writers hold the SLO's row
 * lock, so two batches cannot slip overlapping slices past each other.
 */
@Component
class MeasurementIngest {

    /** One request's most; 30 days of 5-minute slices are 8,640. */
    static final int MAX_SLICES = 50_000;
    /** Enough problems to fix a file's pattern of mistakes without drowning in them. */
    static final int MAX_PROBLEMS = 20;
    static final Duration MAX_LENGTH = Duration.ofDays(1);

    private final Slos slos;
    private final Measurements measurements;
    private final SloEvaluator evaluator;
    private final Clock clock;

    MeasurementIngest(Slos slos, Measurements measurements, SloEvaluator evaluator, Clock clock) {
        this.slos = slos;
        this.measurements = measurements;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /** Checks without writing: the CSV upload's preview. */
    MeasurementCheck check(long sloId, List<SliceInput> inputs) {
        return check(sloId, inputs, clock.instant());
    }

    /**
     * Writes checked measurements and re-evaluates the SLO (events included) in the caller's
     * transaction. Refuses the whole batch (422, a problem per row) if any row is wrong.
     */
    SloStatus record(SloRow slo, List<SliceInput> inputs) {
        Instant now = clock.instant();
        SloRow locked = slos.lock(slo.id()).orElseThrow(() -> UserFacingException.notFound("slo.notFound", slo.id()));
        MeasurementCheck checked = check(locked.id(), inputs, now);
        if (!checked.ok()) {
            throw UserFacingException.invalidFields(checked.problems());
        }
        measurements.upsert(locked.id(), checked.slices());
        slos.received(locked.id(), now);
        return evaluator.evaluateAndTell(locked, now);
    }

    private MeasurementCheck check(long sloId, List<SliceInput> inputs, Instant now) {
        if (inputs == null || inputs.isEmpty()) {
            throw UserFacingException.invalid("slo.measurements.none");
        }
        if (inputs.size() > MAX_SLICES) {
            throw new UserFacingException(UserFacingException.Kind.TOO_LARGE, "slo.measurements.tooMany", MAX_SLICES);
        }
        List<FieldProblem> problems = new ArrayList<>();
        record Numbered(int row, Slice slice) {
        }
        List<Numbered> read = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size() && problems.size() < MAX_PROBLEMS; i++) {
            Slice slice = read(i + 1, inputs.get(i), now, problems);
            if (slice != null) {
                read.add(new Numbered(i + 1, slice));
            }
        }
        if (!problems.isEmpty()) {
            return new MeasurementCheck(List.of(), problems, 0);
        }
        read.sort(Comparator.comparing((Numbered n) -> n.slice().start()));
        // the batch against itself: sorted by start, each must begin at or after the previous end
        for (int i = 1; i < read.size() && problems.size() < MAX_PROBLEMS; i++) {
            Numbered before = read.get(i - 1);
            Numbered here = read.get(i);
            if (here.slice().start().equals(before.slice().start())) {
                problems.add(row(here.row(), "start", "slo.measurement.repeated", Math.min(before.row(), here.row())));
            } else if (here.slice().start().isBefore(before.slice().end())) {
                problems.add(row(here.row(), "start", "slo.measurement.overlapsRow", before.row()));
            }
        }
        if (!problems.isEmpty()) {
            return new MeasurementCheck(List.of(), problems, 0);
        }
        // ... and against what is stored, where only the very same slice may be replaced
        Instant from = read.getFirst().slice().start();
        Instant to = read.stream().map(n -> n.slice().end()).max(Instant::compareTo).orElseThrow();
        TreeMap<Instant, Slice> stored = new TreeMap<>();
        for (Slice s : measurements.near(sloId, from, to)) {
            stored.put(s.start(), s);
        }
        int replacing = 0;
        for (Numbered n : read) {
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
            Slice s = n.slice();
            Slice same = stored.get(s.start());
            if (same != null) {
                if (same.end().equals(s.end())) {
                    replacing++;
                } else {
                    problems.add(row(n.row(), "end", "slo.measurement.otherLength", same.start(), same.end()));
                }
                continue;
            }
            Map.Entry<Instant, Slice> earlier = stored.lowerEntry(s.start());
            Map.Entry<Instant, Slice> later = stored.higherEntry(s.start());
            Slice clash = earlier != null && earlier.getValue().end().isAfter(s.start()) ? earlier.getValue()
                    : later != null && later.getKey().isBefore(s.end()) ? later.getValue() : null;
            if (clash != null) {
                problems.add(row(n.row(), "start", "slo.measurement.overlapsStored", clash.start(), clash.end()));
            }
        }
        if (!problems.isEmpty()) {
            return new MeasurementCheck(List.of(), problems, 0);
        }
        return new MeasurementCheck(read.stream().map(Numbered::slice).toList(), List.of(), replacing);
    }

    private static Slice read(int row, SliceInput in, Instant now, List<FieldProblem> problems) {
        int before = problems.size();
        if (in == null) {
            problems.add(row(row, "start", "slo.measurement.required", "start"));
            return null;
        }
        Instant start = instant(row, "start", in.start(), problems);
        Instant end = instant(row, "end", in.end(), problems);
        if (in.good() == null) {
            problems.add(row(row, "good", "slo.measurement.required", "good"));
        } else if (in.good() < 0) {
            problems.add(row(row, "good", "slo.measurement.negative", "good"));
        }
        if (in.total() == null) {
            problems.add(row(row, "total", "slo.measurement.required", "total"));
        } else if (in.total() < 0) {
            problems.add(row(row, "total", "slo.measurement.negative", "total"));
        }
        if (problems.size() == before && in.good() > in.total()) {
            problems.add(row(row, "good", "slo.measurement.goodAboveTotal", in.good(), in.total()));
        }
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                problems.add(row(row, "end", "slo.measurement.endBeforeStart"));
            } else if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
                problems.add(row(row, "end", "slo.measurement.tooLong"));
            } else if (end.isAfter(now)) {
                problems.add(row(row, "end", "slo.measurement.future", end));
            }
        }
        return problems.size() == before ? new Slice(start, end, in.good(), in.total()) : null;
    }

    private static Instant instant(int row, String field, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(row(row, field, "slo.measurement.required", field));
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(row(row, field, "slo.measurement.time", text.strip()));
            return null;
        }
    }

    /** A row's problem, named {@code [3].good} in the API; messages count rows from 1, as people do. */
    private static FieldProblem row(int row, String field, String key, Object... args) {
        Object[] withRow = new Object[args.length + 1];
        withRow[0] = row;
        System.arraycopy(args, 0, withRow, 1, args.length);
        return new FieldProblem("[" + (row - 1) + "]." + field, key, withRow);
    }
}
