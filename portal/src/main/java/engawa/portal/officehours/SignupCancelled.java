package engawa.portal.officehours;

import engawa.portal.officehours.SessionEventParts.Attendee;
import engawa.portal.officehours.SessionEventParts.SessionInfo;
import engawa.portal.webhooks.EventType;

/**
 * A sign-up was cancelled ({@code session.signup.cancelled}).
 *
 * @param cancelledBy {@code attendee} (they left) or {@code host} (a host removed them)
 */
public record SignupCancelled(SessionInfo session, Attendee attendee, String cancelledBy) implements SessionEvent {

    public static final EventType TYPE = new EventType("session.signup.cancelled", EventType.Audience.ADMINS,
            EventType.Scoping.PERSON, "Someone cancelled their office-hours signup.", SignupCancelled::sample);

    @Override
    public EventType type() {
        return TYPE;
    }

    static SignupCancelled sample() {
        return new SignupCancelled(SessionInfo.sample(), Attendee.sample(), "attendee");
    }
}
