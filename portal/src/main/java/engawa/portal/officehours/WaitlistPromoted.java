package engawa.portal.officehours;

import engawa.portal.officehours.SessionEventParts.Attendee;
import engawa.portal.officehours.SessionEventParts.SessionInfo;
import engawa.portal.webhooks.EventType;

/** A seat opened and the first on the waitlist got it ({@code session.waitlist.promoted}). */
public record WaitlistPromoted(SessionInfo session, Attendee attendee) implements SessionEvent {

    public static final EventType TYPE = new EventType("session.waitlist.promoted", EventType.Audience.ADMINS,
            EventType.Scoping.PERSON, "A place opened and someone on the waitlist got it.", WaitlistPromoted::sample);

    @Override
    public EventType type() {
        return TYPE;
    }

    static WaitlistPromoted sample() {
        return new WaitlistPromoted(SessionInfo.sample(), new SessionEventParts.Attendee("sam", "Sam Okafor",
                "sam@example.com", 0));
    }
}
