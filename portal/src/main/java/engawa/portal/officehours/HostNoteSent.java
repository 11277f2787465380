package engawa.portal.officehours;

import engawa.portal.officehours.SessionEventParts.SessionInfo;
import java.util.List;

/**
 * A host wrote to everyone signed up to a date ("bring your laptop"). A fact for listeners in the
 * portal (notifications), not a webhook event.
 */
public record HostNoteSent(SessionInfo session, String note, long authorId, List<Long> attendeeIds) {

    public HostNoteSent {
        attendeeIds = List.copyOf(attendeeIds);
    }
}
