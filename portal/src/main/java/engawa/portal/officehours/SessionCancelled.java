package engawa.portal.officehours;

import engawa.portal.officehours.SessionEventParts.SessionInfo;
import java.util.List;

/**
 * A date was called off, or with {@code wholeSeries} every date still to come. A fact for listeners
 * in the portal (notifications), not a webhook event.
 *
 * @param attendeeIds who was signed up to what is cancelled
 */
public record SessionCancelled(SessionInfo session, boolean wholeSeries, List<Long> attendeeIds) {

    public SessionCancelled {
        attendeeIds = List.copyOf(attendeeIds);
    }
}
