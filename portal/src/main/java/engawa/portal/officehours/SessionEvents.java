package engawa.portal.officehours;

import engawa.db.officehours.Host;
import engawa.db.officehours.SeriesRow;
import engawa.db.officehours.SessionRow;
import engawa.db.officehours.SignupRow;
import engawa.portal.shared.PublicUrl;
import engawa.portal.webhooks.EventType;
import engawa.portal.webhooks.WebhookEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Office-hours events through the outbox, in the transaction of the change. Each reaches admins'
 * subscriptions, the attendee's own and the hosts' ({@code person:<id>} scopes).
 */
@Component
class SessionEvents {

    private final WebhookEvents events;
    private final PublicUrl urls;

    SessionEvents(WebhookEvents events, PublicUrl urls) {
        this.events = events;
        this.urls = urls;
    }

    void signupCreated(SessionRow session, SeriesRow series, SignupRow signup, int position) {
        Map<String, Object> data = base(session, series, signup);
        data.put("status", signup.status().name().toLowerCase(Locale.ROOT));
        if (position > 0) {
            data.put("waitlist_position", position);
        }
        data.put("wants_to_automate", signup.wish() == null ? "" : signup.wish());
        publish(EventType.SESSION_SIGNUP_CREATED, data, series, signup);
    }

    void signupCancelled(SessionRow session, SeriesRow series, SignupRow signup, boolean byHost) {
        Map<String, Object> data = base(session, series, signup);
        data.put("cancelled_by", byHost ? "host" : "attendee");
        publish(EventType.SESSION_SIGNUP_CANCELLED, data, series, signup);
    }

    void promoted(SessionRow session, SeriesRow series, SignupRow signup) {
        publish(EventType.SESSION_WAITLIST_PROMOTED, base(session, series, signup), series, signup);
    }

    void reminder(SessionRow session, SeriesRow series, SignupRow signup, long startsInMinutes) {
        Map<String, Object> data = base(session, series, signup);
        data.put("starts_in_minutes", startsInMinutes);
        publish(EventType.SESSION_REMINDER, data, series, signup);
    }

    private void publish(EventType type, Map<String, Object> data, SeriesRow series, SignupRow signup) {
        List<String> scopes = new ArrayList<>();
        scopes.add(EventType.personScope(signup.userId()));
        series.hosts().forEach(h -> scopes.add(EventType.personScope(h.userId())));
        events.publish(type, data, scopes);
    }

    private Map<String, Object> base(SessionRow session, SeriesRow series, SignupRow signup) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", String.valueOf(session.id()));
        s.put("title", series.values().titleEn());
        s.put("starts_at", session.startsAt().toString());
        s.put("ends_at", session.endsAt().toString());
        s.put("time_zone", series.values().timeZone());
        s.put("location", Locations.text(series.values()));
        s.put("host", series.hosts().isEmpty() ? "" : series.hosts().getFirst().username());
        s.put("hosts", series.hosts().stream().map(Host::name).collect(Collectors.joining(", ")));
        s.put("url", urls.of("/office-hours/sessions/" + session.id()));
        Map<String, Object> attendee = new LinkedHashMap<>();
        attendee.put("username", signup.username());
        attendee.put("name", signup.name());
        attendee.put("email", signup.email() == null ? "" : signup.email());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session", s);
        data.put("attendee", attendee);
        return data;
    }
}
