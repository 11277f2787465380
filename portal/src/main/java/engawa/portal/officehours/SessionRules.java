package engawa.portal.officehours;

import engawa.db.officehours.SeriesValues;
import engawa.db.officehours.SessionKind;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import engawa.portal.shared.Validation;
import engawa.portal.shared.WebUrls;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a session form and says what to fix, every problem at once: the rules of single values
 * ({@link SessionDraft}'s annotations) and of several together. Nothing is saved unless all of it is right.
 */
final class SessionRules {

    static final int MAX_HOURS = 12;

    private SessionRules() {
    }

    /** A checked form: what to store, and the dated sessions its rule gives. */
    record Checked(SeriesValues values, Recurrence recurrence, List<LocalDateTime> starts) {

        ZoneId zone() {
            return ZoneId.of(values.timeZone());
        }
    }

    /**
     * @param allowPast whether the first start may lie in the past (an edit of a running series)
     */
    static Checked check(SessionDraft d, Instant now, boolean allowPast) {
        List<FieldProblem> problems = new ArrayList<>(Validation.problems(d));
        SessionKind kind = kind(d.kind(), problems);
        Integer capacity = null;
        if (kind == SessionKind.SEATED) {
            if (d.capacity() == null) {
                problems.add(new FieldProblem("capacity", "officeHours.capacity.required"));
            } else if (d.capacity() < 1 || d.capacity() > SessionDraft.MAX_CAPACITY) {
                problems.add(new FieldProblem("capacity", "officeHours.capacity.range"));
            } else {
                capacity = d.capacity();
            }
        }
        String room = d.room();
        String video = d.videoUrl();
        if (video != null && !WebUrls.isWebUrl(video)) {
            problems.add(new FieldProblem("videoUrl", "officeHours.videoUrl.format"));
        }
        if (room == null && video == null) {
            problems.add(new FieldProblem("room", "officeHours.where.required"));
        }
        ZoneId zone = zone(d.timeZone(), problems);
        Recurrence recurrence = null;
        List<LocalDateTime> starts = List.of();
        int minutes = 0;
        if (d.start() != null && d.end() != null && zone != null) {
            Instant start = d.start().atZone(zone).toInstant();
            Duration length = Duration.between(start, d.end().atZone(zone).toInstant());
            minutes = (int) length.toMinutes();
            if (minutes <= 0) {
                problems.add(new FieldProblem("end", "officeHours.end.beforeStart"));
            } else if (length.toHours() >= MAX_HOURS) {
                problems.add(new FieldProblem("end", "officeHours.end.tooLong", MAX_HOURS));
            }
            if (!allowPast && start.isBefore(now)) {
                problems.add(new FieldProblem("start", "officeHours.start.past"));
            }
            String rule = d.recurrence() == null ? "" : d.recurrence().trim();
            try {
                if (!rule.isEmpty()) {
                    recurrence = Recurrence.parse(rule, zone);
                    starts = recurrence.expand(d.start(), zone);
                } else {
                    starts = List.of(d.start());
                }
            } catch (UserFacingException e) {
                problems.addAll(e.fieldProblems());
            }
        }
        int reminder = d.reminderMinutes() == null ? 60 : d.reminderMinutes();
        List<String> topics = d.topics().stream().distinct().toList();
        List<String> recipes = d.recipes().stream().map(r -> r.toLowerCase(Locale.ROOT)).distinct().toList();
        List<String> services = d.services().stream().map(r -> r.toLowerCase(Locale.ROOT)).distinct().toList();
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
        SeriesValues values = new SeriesValues(d.title(), d.titleJa(), d.description() == null ? "" : d.description(), topics,
                kind, capacity,
                room, video, zone.getId(), d.start(), minutes, recurrence == null ? null : recurrence.rrule(), reminder,
                recipes, services);
        return new Checked(values, recurrence, starts);
    }

    private static SessionKind kind(String value, List<FieldProblem> problems) {
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (text) {
            case "drop-in", "" -> SessionKind.DROP_IN;
            case "seated" -> SessionKind.SEATED;
            default -> {
                problems.add(new FieldProblem("kind", "officeHours.kind.unknown", value));
                yield SessionKind.DROP_IN;
            }
        };
    }

    /** A named region (Europe/Berlin): offsets such as +09:00 do not know about daylight saving. */
    private static ZoneId zone(String value, List<FieldProblem> problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            problems.add(new FieldProblem("timeZone", "officeHours.timeZone.required"));
            return null;
        }
        try {
            ZoneId zone = ZoneId.of(text);
            if (!(zone instanceof ZoneOffset) && (text.contains("/") || "UTC".equals(text))) {
                return zone;
            }
        } catch (DateTimeException e) {
            // reported below
        }
        problems.add(new FieldProblem("timeZone", "officeHours.timeZone.unknown", text));
        return null;
    }
}
