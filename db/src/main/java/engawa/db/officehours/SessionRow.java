package engawa.db.officehours;

import java.time.Instant;
import java.time.LocalDateTime;

/** One occurrence of a series. */
public record SessionRow(long id, long seriesId, LocalDateTime recurrenceLocal, Instant startsAt, Instant endsAt,
        boolean moved, Instant cancelledAt, int confirmed) {

    public boolean cancelled() {
        return cancelledAt != null;
    }
}
