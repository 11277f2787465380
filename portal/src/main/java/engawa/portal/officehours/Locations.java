package engawa.portal.officehours;

import engawa.db.officehours.SeriesValues;

/** Where a session happens, in one line: the room, the call, or both. */
public final class Locations {

    private Locations() {
    }

    public static String text(SeriesValues v) {
        if (v.room() != null && v.videoUrl() != null) {
            return v.room() + " / " + v.videoUrl();
        }
        return v.room() != null ? v.room() : v.videoUrl() == null ? "" : v.videoUrl();
    }
}
