package engawa.portal.recipes;

import engawa.db.recipes.RecipeRuns;
import engawa.portal.people.Callers;
import engawa.portal.people.Callers.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time saved: successful real runs (not tests) times the minutes their recipe said it saves when
 * it ran, this calendar month in the reader's time zone. The numbers that persuade.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class TimeSaved {

    private final RecipeRuns runs;
    private final Callers callers;
    private final Clock clock;

    TimeSaved(RecipeRuns runs, Callers callers, Clock clock) {
        this.runs = runs;
        this.callers = callers;
        this.clock = clock;
    }

    /** @param mine minutes the caller saved; everyone minutes everyone saved together */
    public record ThisMonth(long mine, long everyone) {
    }

    @Transactional(readOnly = true)
    public ThisMonth thisMonth(ZoneId zone) {
        Caller caller = callers.current();
        Instant now = clock.instant();
        Instant from = monthStart(now, zone);
        Instant to = now.plusSeconds(1);
        long mine = caller.userId() == null ? 0 : runs.minutesSaved(from, to, caller.userId());
        return new ThisMonth(mine, runs.minutesSaved(from, to, null));
    }

    static Instant monthStart(Instant now, ZoneId zone) {
        return ZonedDateTime.ofInstant(now, zone).withDayOfMonth(1).toLocalDate().atStartOfDay(zone).toInstant();
    }
}
