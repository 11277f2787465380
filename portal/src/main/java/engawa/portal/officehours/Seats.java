package engawa.portal.officehours;

import engawa.db.officehours.OfficeHours;
import engawa.db.officehours.SeriesRow;
import engawa.db.officehours.SessionKind;
import engawa.db.officehours.SessionRow;
import engawa.db.officehours.SignupRow;
import engawa.db.officehours.SignupStatus;
import engawa.db.officehours.Signups;
import engawa.portal.shared.UserFacingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who gets a seat. Every change takes the session's row lock first (SELECT ... FOR UPDATE), so
 * however many people press Join at once, on however many instances, the database serves them one
 * at a time: exactly {@code capacity} confirmed, the rest waitlisted in the order they were served.
 * Not a proxied service on purpose: callers check who may do what.
 */
@Component
class Seats {

    private final OfficeHours sessions;
    private final Signups signups;
    private final SessionEvents events;
    private final Clock clock;

    Seats(OfficeHours sessions, Signups signups, SessionEvents events, Clock clock) {
        this.sessions = sessions;
        this.signups = signups;
        this.events = events;
        this.clock = clock;
    }

    /** Where a sign-up stands: confirmed, or waitlisted at a position (1 = next in line). */
    record Result(SignupRow signup, int position) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Result take(long sessionId, long userId, String wish, Instant dropByAt, Long addedBy) {
        Instant now = clock.instant();
        SessionRow session = sessions.lockSession(sessionId).orElseThrow(() -> OfficeHoursService.notFound(sessionId));
        SeriesRow series = sessions.findSeries(session.seriesId()).orElseThrow();
        if (session.cancelled() || series.cancelledAt() != null) {
            throw UserFacingException.invalid("officeHours.join.cancelled");
        }
        if (!session.endsAt().isAfter(now)) {
            throw UserFacingException.invalid("officeHours.join.finished");
        }
        Optional<SignupRow> existing = signups.active(sessionId, userId);
        if (existing.isPresent()) {
            throw UserFacingException.conflict(
                    existing.get().status() == SignupStatus.WAITLISTED ? "officeHours.join.alreadyWaiting"
                            : "officeHours.join.already")
                    .withProblemProperty("status", existing.get().status().name().toLowerCase(Locale.ROOT));
        }
        boolean seat = series.values().kind() == SessionKind.DROP_IN || session.confirmed() < series.values().capacity();
        long id;
        try {
            id = signups.insert(sessionId, userId, seat ? SignupStatus.CONFIRMED : SignupStatus.WAITLISTED, wish,
                    dropByAt, addedBy, now);
        } catch (DuplicateKeyException e) {
            // the unique index is the last wall; under the row lock it is not reached
            throw UserFacingException.conflict("officeHours.join.already");
        }
        SignupRow signup = signups.find(id).orElseThrow();
        int position = seat ? 0 : signups.position(signup);
        events.signupCreated(session, series, signup, position);
        return new Result(signup, position);
    }

    /** Frees the seat and gives it to the first in line. @return false when there was nothing to cancel */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean release(SignupRow signup, boolean byHost) {
        SessionRow session = sessions.lockSession(signup.sessionId()).orElseThrow();
        SeriesRow series = sessions.findSeries(session.seriesId()).orElseThrow();
        SignupRow current = signups.find(signup.id()).orElseThrow();
        if (!signups.cancel(current, clock.instant())) {
            return false;
        }
        events.signupCancelled(session, series, current, byHost);
        if (current.status() == SignupStatus.CONFIRMED) {
            fill(session.id());
        }
        return true;
    }

    /** Promotes from the waitlist while seats are free (after a cancellation or a larger room). */
    @Transactional(propagation = Propagation.MANDATORY)
    void fill(long sessionId) {
        SessionRow session = sessions.lockSession(sessionId).orElseThrow();
        SeriesRow series = sessions.findSeries(session.seriesId()).orElseThrow();
        if (!session.endsAt().isAfter(clock.instant()) || session.cancelled()) {
            return;
        }
        int free = series.values().kind() == SessionKind.DROP_IN ? Integer.MAX_VALUE
                : series.values().capacity() - session.confirmed();
        while (free-- > 0) {
            Optional<SignupRow> promoted = signups.promoteFirst(sessionId, clock.instant());
            if (promoted.isEmpty()) {
                return;
            }
            events.promoted(session, series, promoted.get());
        }
    }
}
