package engawa.portal.officehours;

import engawa.portal.officehours.SessionEventParts.SessionInfo;
import java.time.Instant;
import java.util.List;

/**
 * Hosts moved a date of a session to another time; the people signed up to it should hear. A
 * fact for listeners in the portal (notifications), not a webhook event.
 *
 * @param attendeeIds who is signed up (confirmed or waiting)
 */
public record SessionMoved(SessionInfo session, Instant previousStart, List<Long> attendeeIds) {

    public SessionMoved {
        attendeeIds = List.copyOf(attendeeIds);
    }
}
