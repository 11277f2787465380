package engawa.portal.officehours;

import engawa.db.officehours.Host;
import engawa.db.officehours.Listing;
import engawa.db.officehours.SeriesRow;
import engawa.db.officehours.SessionKind;
import engawa.db.officehours.SessionRow;
import engawa.db.officehours.SignupStatus;
import engawa.portal.shared.SafeMarkdown;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One dated session as people see it.
 *
 * @param mine the viewer's sign-up, null when they have none
 * @param position the viewer's place on the waitlist (1 = next), 0 when not waiting
 * @param mayManage whether the viewer hosts it or is an admin
 */
public record Session(SessionRow row, SeriesRow series, int waitlisted, SignupStatus mine, int position, boolean hosting,
        boolean mayManage) {

    static Session of(Listing l, boolean admin) {
        return new Session(l.session(), l.series(), l.waitlisted(), l.mine(), 0, l.hosting(), l.hosting() || admin);
    }

    public long id() {
        return row.id();
    }

    public String title(boolean japanese) {
        String ja = series.values().titleJa();
        return japanese && ja != null && !ja.isBlank() ? ja : series.values().titleEn();
    }

    public Instant startsAt() {
        return row.startsAt();
    }

    public Instant endsAt() {
        return row.endsAt();
    }

    public ZoneId zone() {
        return ZoneId.of(series.values().timeZone());
    }

    public SessionKind kind() {
        return series.values().kind();
    }

    public boolean seated() {
        return kind() == SessionKind.SEATED;
    }

    public Integer capacity() {
        return series.values().capacity();
    }

    /** Seats left; null for a drop-in. */
    public Integer seatsLeft() {
        return seated() ? Math.max(0, capacity() - row.confirmed()) : null;
    }

    public boolean full() {
        return seated() && row.confirmed() >= capacity();
    }

    public boolean cancelled() {
        return row.cancelled() || series.cancelledAt() != null;
    }

    public boolean finished(Instant now) {
        return !row.endsAt().isAfter(now);
    }

    public List<Host> hosts() {
        return series.hosts();
    }

    public boolean recurring() {
        return series.values().rrule() != null;
    }

    public String descriptionHtml() {
        return SafeMarkdown.toHtml(series.values().description());
    }

    /** People coming: confirmed seats, or for a drop-in everyone who said they would come by. */
    public int coming() {
        return row.confirmed();
    }
}
