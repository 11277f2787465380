package engawa.db.officehours;

import java.time.Instant;
import java.util.List;

public record SeriesRow(long id, String uid, SeriesValues values, int sequence, Long splitFrom, Instant cancelledAt,
        Long createdBy, Instant createdAt, Instant updatedAt, List<Host> hosts) {

    public boolean hostedBy(Long userId) {
        return userId != null && hosts.stream().anyMatch(h -> h.userId() == userId);
    }

    public SeriesRow withHosts(List<Host> list) {
        return new SeriesRow(id, uid, values, sequence, splitFrom, cancelledAt, createdBy, createdAt, updatedAt, List.copyOf(list));
    }
}
