package engawa.portal.officehours;

import engawa.portal.officehours.SessionEventParts.Attendee;
import engawa.portal.officehours.SessionEventParts.SessionInfo;
import engawa.portal.webhooks.WebhookEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What every office-hours event has: a session and the person it concerns. Admins may subscribe to
 * every such event; the attendee and the session's hosts to theirs.
 */
public interface SessionEvent extends WebhookEvent {

    SessionInfo session();

    Attendee attendee();

    @Override
    default List<String> scopes() {
        List<String> scopes = new ArrayList<>();
        scopes.add(WebhookEvent.personScope(attendee().userId()));
        session().hostIds().forEach(id -> scopes.add(WebhookEvent.personScope(id)));
        return scopes;
    }
}
