package engawa.portal.officehours;

import engawa.portal.officehours.SessionEventParts.Attendee;
import engawa.portal.officehours.SessionEventParts.SessionInfo;
import engawa.portal.webhooks.EventType;

/**
 * Someone signed up for a session, for a seat or the waitlist ({@code session.signup.created}).
 *
 * @param status {@code confirmed} or {@code waitlisted}
 * @param waitlistPosition their place in line, 1 first; null with a seat
 * @param wantsToAutomate what they said they want to automate, or empty
 */
public record SignupCreated(SessionInfo session, Attendee attendee, String status, Integer waitlistPosition,
        String wantsToAutomate) implements SessionEvent {

    public static final EventType TYPE = new EventType("session.signup.created", EventType.Audience.ADMINS,
            EventType.Scoping.PERSON, "Someone signed up for an office-hours session (a seat or the waitlist).",
            SignupCreated::sample);

    @Override
    public EventType type() {
        return TYPE;
    }

    static SignupCreated sample() {
        return new SignupCreated(SessionInfo.sample(), Attendee.sample(), "waitlisted", 2,
                "The monthly expense report I copy by hand");
    }
}
