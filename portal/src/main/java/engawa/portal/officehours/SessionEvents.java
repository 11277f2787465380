package engawa.portal.officehours;

import engawa.db.officehours.Host;
import engawa.db.officehours.SeriesRow;
import engawa.db.officehours.SessionRow;
import engawa.db.officehours.SignupRow;
import engawa.portal.officehours.SessionEventParts.Attendee;
import engawa.portal.officehours.SessionEventParts.SessionInfo;
import engawa.portal.shared.PublicUrl;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes the office-hours events in the transaction of the change. */
@Component
class SessionEvents {

    private final ApplicationEventPublisher publisher;
    private final PublicUrl urls;

    SessionEvents(ApplicationEventPublisher publisher, PublicUrl urls) {
        this.publisher = publisher;
        this.urls = urls;
    }

    void signupCreated(SessionRow session, SeriesRow series, SignupRow signup, int position) {
        publisher.publishEvent(new SignupCreated(session(session, series), attendee(signup),
                signup.status().name().toLowerCase(Locale.ROOT), position > 0 ? position : null,
                signup.wish() == null ? "" : signup.wish()));
    }

    void signupCancelled(SessionRow session, SeriesRow series, SignupRow signup, boolean byHost) {
        publisher.publishEvent(new SignupCancelled(session(session, series), attendee(signup), byHost ? "host" : "attendee"));
    }

    void promoted(SessionRow session, SeriesRow series, SignupRow signup) {
        publisher.publishEvent(new WaitlistPromoted(session(session, series), attendee(signup)));
    }

    void reminder(SessionRow session, SeriesRow series, SignupRow signup, long startsInMinutes) {
        publisher.publishEvent(new SessionReminderDue(session(session, series), attendee(signup), startsInMinutes));
    }

    private SessionInfo session(SessionRow session, SeriesRow series) {
        return new SessionInfo(String.valueOf(session.id()), series.values().titleEn(), session.startsAt(),
                session.endsAt(), series.values().timeZone(), Locations.text(series.values()),
                series.hosts().isEmpty() ? "" : series.hosts().getFirst().username(),
                series.hosts().stream().map(Host::name).collect(Collectors.joining(", ")),
                urls.of("/office-hours/sessions/" + session.id()), session.id(),
                series.hosts().stream().map(Host::userId).toList(), series.values().titleJa());
    }

    void moved(SessionRow session, SeriesRow series, java.time.Instant previousStart, java.util.List<Long> attendees) {
        publisher.publishEvent(new SessionMoved(session(session, series), previousStart, attendees));
    }

    void cancelled(SessionRow session, SeriesRow series, boolean wholeSeries, java.util.List<Long> attendees) {
        publisher.publishEvent(new SessionCancelled(session(session, series), wholeSeries, attendees));
    }

    void note(SessionRow session, SeriesRow series, String note, long authorId, java.util.List<Long> attendees) {
        publisher.publishEvent(new HostNoteSent(session(session, series), note, authorId, attendees));
    }

    void wishTurnedIntoRecipe(SessionRow session, SeriesRow series, String wish, String recipeSlug, String recipeTitle,
            long madeBy, java.util.List<Long> wishers) {
        publisher.publishEvent(new WishTurnedIntoRecipe(session(session, series), wish, recipeSlug, recipeTitle, madeBy,
                wishers));
    }

    private static Attendee attendee(SignupRow signup) {
        return new Attendee(signup.username(), signup.name(), signup.email() == null ? "" : signup.email(), signup.userId());
    }
}
