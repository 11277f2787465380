package engawa.portal.officehours;

import engawa.db.officehours.OfficeHours;
import engawa.db.officehours.SeriesRow;
import engawa.db.officehours.SessionRow;
import engawa.db.officehours.Signups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code session.reminder} some minutes before a session (its series says how many; 60 by
 * default), exactly once per person and date: claiming a reminder and storing its event commit
 * together, and instances claim with SKIP LOCKED, so none is sent twice and a restart loses none.
 */
@Component
class SessionReminders {

    private final Signups signups;
    private final OfficeHours sessions;
    private final SessionEvents events;
    private final Clock clock;

    SessionReminders(Signups signups, OfficeHours sessions, SessionEvents events, Clock clock) {
        this.signups = signups;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${engawa.office-hours.reminder-poll-interval:30s}",
            initialDelayString = "${engawa.office-hours.reminder-poll-interval:30s}")
    @Transactional
    public int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (Signups.Due due : signups.claimReminders(now, 200)) {
            SessionRow session = sessions.findSession(due.sessionId()).orElseThrow();
            SeriesRow series = sessions.findSeries(session.seriesId()).orElseThrow();
            long minutes = Math.max(0, Duration.between(now, session.startsAt()).plusSeconds(59).toMinutes());
            events.reminder(session, series, signups.find(due.signupId()).orElseThrow(), minutes);
            sent++;
        }
        return sent;
    }
}
