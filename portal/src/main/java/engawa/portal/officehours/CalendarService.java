package engawa.portal.officehours;

import engawa.db.officehours.CalendarFeeds;
import engawa.db.officehours.OfficeHours;
import engawa.db.officehours.SeriesRow;
import engawa.db.officehours.SessionRow;
import engawa.portal.people.Callers;
import engawa.portal.people.Callers.Caller;
import engawa.portal.shared.PublicUrl;
import engawa.portal.shared.UserFacingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendar files: one session or its whole series for anyone signed in, and each person's feed
 * at a secret address (no sign-in, so Google Calendar or Outlook can fetch it), which they may
 * reset; the old address then stops working at once. Only a hash of the secret is stored.
 */
@Service
public class CalendarService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "ecal_";

    private final OfficeHours sessions;
    private final CalendarFeeds feeds;
    private final CalendarFiles files;
    private final Callers callers;
    private final PublicUrl urls;
    private final Clock clock;

    CalendarService(OfficeHours sessions, CalendarFeeds feeds, CalendarFiles files, Callers callers, PublicUrl urls,
            Clock clock) {
        this.sessions = sessions;
        this.feeds = feeds;
        this.files = files;
        this.callers = callers;
        this.urls = urls;
        this.clock = clock;
    }

    /** One date, as a file to open in any calendar program. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String session(long sessionId) {
        SessionRow date = sessions.findSession(sessionId).orElseThrow(() -> OfficeHoursService.notFound(sessionId));
        SeriesRow series = sessions.findSeries(date.seriesId()).orElseThrow();
        return files.write(series.values().titleEn(), List.of(new CalendarFiles.Entry(series, List.of(date), false)));
    }

    /** Every date of the session's series: RRULE, EXDATE for cancelled dates, RECURRENCE-ID for moved ones. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String series(long sessionId) {
        SessionRow date = sessions.findSession(sessionId).orElseThrow(() -> OfficeHoursService.notFound(sessionId));
        SeriesRow series = sessions.findSeries(date.seriesId()).orElseThrow();
        return files.write(series.values().titleEn(),
                List.of(new CalendarFiles.Entry(series, sessions.sessionsOf(series.id()), true)));
    }

    /** A new secret address for the caller's feed; the previous one stops working. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public String resetFeed() {
        Caller caller = callers.current();
        if (caller.userId() == null) {
            throw UserFacingException.invalid("officeHours.feed.person");
        }
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        feeds.replace(caller.userId(), hash(token), clock.instant());
        return feedUrl(token);
    }

    /** When the caller's current feed address was made, if they have one. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Instant> feedCreatedAt() {
        Caller caller = callers.current();
        return caller.userId() == null ? Optional.empty() : feeds.createdAt(caller.userId());
    }

    public String feedUrl(String token) {
        return urls.of("/api/v1/calendar/" + token + ".ics");
    }

    /**
     * The feed behind a secret address: the person's sign-ups (each date) and the series they host
     * (whole), from 30 days back. Empty when the address is unknown or was reset.
     */
    @Transactional(readOnly = true)
    public Optional<String> feed(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return feeds.owner(hash(token)).map(userId -> {
            List<CalendarFiles.Entry> entries = new ArrayList<>();
            for (long seriesId : sessions.feedSeries(userId, clock.instant().minus(Duration.ofDays(30)))) {
                SeriesRow series = sessions.findSeries(seriesId).orElseThrow();
                boolean host = series.hostedBy(userId);
                List<SessionRow> dates = sessions.feedSessions(seriesId, userId, host);
                if (!dates.isEmpty()) {
                    entries.add(new CalendarFiles.Entry(series, dates, host));
                }
            }
            return files.write("Engawa office hours", entries);
        });
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
