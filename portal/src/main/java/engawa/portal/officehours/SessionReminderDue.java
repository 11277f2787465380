package engawa.portal.officehours;

import engawa.portal.officehours.SessionEventParts.Attendee;
import engawa.portal.officehours.SessionEventParts.SessionInfo;
import engawa.portal.webhooks.EventType;

/** A session someone has a seat in starts soon ({@code session.reminder}): once per sign-up. */
public record SessionReminderDue(SessionInfo session, Attendee attendee, long startsInMinutes) implements SessionEvent {

    public static final EventType TYPE = new EventType("session.reminder", EventType.Audience.ADMINS,
            EventType.Scoping.PERSON, "A session someone signed up for starts soon.", SessionReminderDue::sample);

    @Override
    public EventType type() {
        return TYPE;
    }

    static SessionReminderDue sample() {
        return new SessionReminderDue(SessionInfo.sample(), Attendee.sample(), 60);
    }
}
