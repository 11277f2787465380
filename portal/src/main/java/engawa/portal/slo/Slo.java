package engawa.portal.slo;

import engawa.db.slo.SloRow;

/**
 * An SLO with its status as of now.
 *
 * @param mayEdit whether the caller owns its service (or is an admin): may change it and send measurements
 */
public record Slo(SloRow row, SloStatus status, boolean mayEdit) {

    public long id() {
        return row.id();
    }

    public String title() {
        return SloEvents.title(row);
    }
}
