package engawa.portal.officehours;

import java.time.Instant;

/** A date of a session in plain words, for other features (a digest): which, when, where to open it. */
public record SessionRef(long id, String titleEn, String titleJa, Instant startsAt, String timeZone) {
}
