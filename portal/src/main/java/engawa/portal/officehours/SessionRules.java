package engawa.portal.officehours;

import engawa.db.officehours.SeriesValues;
import engawa.db.officehours.SessionKind;
import engawa.portal.shared.SafeMarkdown;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import engawa.portal.shared.WebUrls;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Checks a session form field by field and says what to fix, every problem at once; nothing is
 * saved unless all of it is right.
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
        List<FieldProblem> problems = new ArrayList<>();
        String title = text(d.title(), "title", 160, true, problems);
        String titleJa = text(d.titleJa(), "titleJa", 160, false, problems);
        String description = text(d.description(), "description", SafeMarkdown.MAX_LENGTH, false, problems);
        SessionKind kind = kind(d.kind(), problems);
        Integer capacity = null;
        if (kind == SessionKind.SEATED) {
            if (d.capacity() == null) {
                problems.add(new FieldProblem("capacity", "officeHours.capacity.required"));
            } else if (d.capacity() < 1 || d.capacity() > 10_000) {
                problems.add(new FieldProblem("capacity", "officeHours.capacity.range"));
            } else {
                capacity = d.capacity();
            }
        }
        String room = text(d.room(), "room", 200, false, problems);
        String video = text(d.videoUrl(), "videoUrl", 500, false, problems);
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
        if (d.start() == null) {
            problems.add(new FieldProblem("start", "officeHours.start.required"));
        }
        if (d.end() == null) {
            problems.add(new FieldProblem("end", "officeHours.end.required"));
        }
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
        if (reminder < 0 || reminder > 7 * 24 * 60) {
            problems.add(new FieldProblem("reminderMinutes", "officeHours.reminder.range"));
        }
        List<String> topics = list(d.topics(), "topics", 10, 40, problems);
        List<String> recipes = list(d.recipes(), "recipes", 20, 63, problems);
        List<String> services = list(d.services(), "services", 20, 63, problems);
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
        SeriesValues values = new SeriesValues(title, titleJa, description == null ? "" : description, topics, kind, capacity,
                room, video, zone.getId(), d.start(), minutes, recurrence == null ? null : recurrence.rrule(), reminder,
                recipes, services);
        return new Checked(values, recurrence, starts);
    }

    private static String text(String value, String field, int max, boolean required, List<FieldProblem> problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "officeHours." + field + ".required"));
            }
            return null;
        }
        if (text.length() > max) {
            problems.add(new FieldProblem(field, "officeHours.tooLong", max));
        }
        return text;
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

    private static List<String> list(List<String> values, String field, int maxItems, int maxLength, List<FieldProblem> problems) {
        LinkedHashSet<String> items = new LinkedHashSet<>();
        for (String value : values) {
            String text = value == null ? "" : value.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.length() > maxLength) {
                problems.add(new FieldProblem(field, "officeHours.tooLong", maxLength));
            }
            items.add(field.equals("topics") ? text : text.toLowerCase(Locale.ROOT));
        }
        if (items.size() > maxItems) {
            problems.add(new FieldProblem(field, "officeHours.tooMany", maxItems));
        }
        return List.copyOf(items);
    }
}
