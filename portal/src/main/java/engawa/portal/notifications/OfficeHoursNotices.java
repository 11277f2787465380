package engawa.portal.notifications;

import engawa.portal.officehours.HostNoteSent;
import engawa.portal.officehours.SessionCancelled;
import engawa.portal.officehours.SessionEventParts.SessionInfo;
import engawa.portal.officehours.SessionMoved;
import engawa.portal.officehours.SessionReminderDue;
import engawa.portal.officehours.SignupCancelled;
import engawa.portal.officehours.SignupCreated;
import engawa.portal.officehours.WaitlistPromoted;
import engawa.portal.officehours.WishTurnedIntoRecipe;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who hears what from office hours: people coming to a session (their seat, a reminder, a date
 * moved or called off, a host's note), hosts (a sign-up with a question, a cancellation), and the
 * people whose wish became a recipe.
 */
@Component
class OfficeHoursNotices {

    private final Notifier notifier;

    OfficeHoursNotices(Notifier notifier) {
        this.notifier = notifier;
    }

    @EventListener
    void on(WaitlistPromoted event) {
        notifier.tell(List.of(event.attendee().userId()), Notice.of(Topic.MY_SESSIONS, "waitlistPromoted", link(event.session()),
                "You got a seat from the waitlist", title(event.session()), when(event.session())));
    }

    @EventListener
    void on(SessionReminderDue event) {
        notifier.tell(List.of(event.attendee().userId()), Notice.of(Topic.MY_SESSIONS, "reminder", link(event.session()),
                "A session you signed up for starts soon", title(event.session()), when(event.session()),
                Text.of(String.valueOf(event.startsInMinutes()))).once("reminder:" + event.session().sessionId()));
    }

    @EventListener
    void on(SessionMoved event) {
        notifier.tell(event.attendeeIds(), Notice.of(Topic.MY_SESSIONS, "sessionMoved", link(event.session()),
                "A session you signed up for moved", title(event.session()), when(event.session()),
                When.at(event.previousStart(), event.session().timeZone())));
    }

    @EventListener
    void on(SessionCancelled event) {
        notifier.tell(event.attendeeIds(), Notice.of(Topic.MY_SESSIONS, event.wholeSeries() ? "seriesCancelled" : "sessionCancelled",
                link(event.session()), "A session you signed up for was called off", title(event.session()),
                when(event.session())));
    }

    @EventListener
    void on(HostNoteSent event) {
        List<Long> coming = new ArrayList<>(event.attendeeIds());
        coming.remove(event.authorId());
        String note = event.note().length() > 300 ? event.note().substring(0, 297) + "..." : event.note();
        notifier.tell(coming, Notice.of(Topic.MY_SESSIONS, "hostNote", link(event.session()),
                "A host of a session you signed up for wrote to everyone coming", title(event.session()), Text.of(note)));
    }

    @EventListener
    void on(SignupCreated event) {
        if (event.wantsToAutomate() == null || event.wantsToAutomate().isBlank()) {
            return;
        }
        notifier.tell(hostsBut(event.session(), event.attendee().userId()), Notice.of(Topic.HOSTING, "signupWithWish",
                link(event.session()), "Someone signed up for a session you host, with a question",
                Text.of(event.attendee().name()), title(event.session()), Text.of(event.wantsToAutomate())));
    }

    @EventListener
    void on(SignupCancelled event) {
        if (!"attendee".equals(event.cancelledBy())) {
            return;
        }
        notifier.tell(hostsBut(event.session(), event.attendee().userId()), Notice.of(Topic.HOSTING, "signupCancelled",
                link(event.session()), "Someone can no longer come to a session you host", Text.of(event.attendee().name()),
                title(event.session()), when(event.session())));
    }

    @EventListener
    void on(WishTurnedIntoRecipe event) {
        List<Long> wishers = new ArrayList<>(event.wisherIds());
        wishers.remove(event.madeBy());
        notifier.tell(wishers, Notice.of(Topic.MY_WISHES, "wishHasRecipe", "/recipes/" + event.recipeSlug(),
                "What you wished to automate at office hours has a recipe now", Text.of(event.wish()),
                Text.of(event.recipeTitle())));
    }

    private static List<Long> hostsBut(SessionInfo session, long attendee) {
        return session.hostIds().stream().filter(id -> id != attendee).toList();
    }

    private static String link(SessionInfo session) {
        return "/office-hours/sessions/" + session.sessionId();
    }

    private static Text title(SessionInfo session) {
        return new Text(session.title(), session.titleJa());
    }

    private static Text when(SessionInfo session) {
        return When.at(session.startsAt(), session.timeZone());
    }
}
