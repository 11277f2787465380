package engawa.db.notifications;

import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each person's channels per topic, time zone, quiet hours and digest choice. */
@Repository
public class NotificationSettings {

    private final JdbcClient jdbc;

    public NotificationSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Settings(long userId, String timeZone, boolean zoneChosen, LocalTime quietFrom, LocalTime quietUntil,
            boolean digest) {
    }

    public Optional<Settings> settings(long userId) {
        return jdbc.sql("SELECT * FROM notification_settings WHERE user_id = ?").param(userId)
                .query((rs, i) -> new Settings(rs.getLong("user_id"), rs.getString("time_zone"), rs.getBoolean("zone_chosen"),
                        rs.getObject("quiet_from", LocalTime.class), rs.getObject("quiet_until", LocalTime.class),
                        rs.getBoolean("digest")))
                .optional();
    }

    /** Settings of many people at once (fan-out to a whole session). */
    public Map<Long, Settings> settings(List<Long> userIds) {
        Map<Long, Settings> all = new HashMap<>();
        if (userIds.isEmpty()) {
            return all;
        }
        jdbc.sql("SELECT * FROM notification_settings WHERE user_id = ANY(?)").param(userIds.toArray(Long[]::new))
                .query((rs, i) -> new Settings(rs.getLong("user_id"), rs.getString("time_zone"), rs.getBoolean("zone_chosen"),
                        rs.getObject("quiet_from", LocalTime.class), rs.getObject("quiet_until", LocalTime.class),
                        rs.getBoolean("digest")))
                .list().forEach(s -> all.put(s.userId(), s));
        return all;
    }

    public void save(Settings s) {
        jdbc.sql("""
                INSERT INTO notification_settings (user_id, time_zone, zone_chosen, quiet_from, quiet_until, digest)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, zone_chosen = EXCLUDED.zone_chosen,
                    quiet_from = EXCLUDED.quiet_from, quiet_until = EXCLUDED.quiet_until, digest = EXCLUDED.digest""")
                .params(s.userId(), s.timeZone(), s.zoneChosen(), s.quietFrom(), s.quietUntil(), s.digest()).update();
    }

    /**
     * What the person's browser says: its zone, kept until they choose one themselves, and the
     * language it showed Engawa in.
     */
    public void learnBrowser(long userId, String zone, String language) {
        jdbc.sql("""
                INSERT INTO notification_settings (user_id, time_zone, browser_language) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET
                    time_zone = CASE WHEN notification_settings.zone_chosen THEN notification_settings.time_zone
                                     ELSE EXCLUDED.time_zone END,
                    browser_language = EXCLUDED.browser_language""")
                .params(userId, zone, language).update();
    }

    /** The language each person's browser showed Engawa in last, for those whose browser said. */
    public Map<Long, String> browserLanguages(List<Long> userIds) {
        Map<Long, String> languages = new HashMap<>();
        if (userIds.isEmpty()) {
            return languages;
        }
        jdbc.sql("SELECT user_id, browser_language FROM notification_settings WHERE user_id = ANY(?) AND browser_language IS NOT NULL")
                .param(userIds.toArray(Long[]::new))
                .query((rs, i) -> Map.entry(rs.getLong("user_id"), rs.getString("browser_language"))).list()
                .forEach(e -> languages.put(e.getKey(), e.getValue()));
        return languages;
    }

    /** Per topic, what the person chose (topics without a row have their default). */
    public Map<String, String> channels(long userId) {
        Map<String, String> channels = new HashMap<>();
        jdbc.sql("SELECT topic, channel FROM notification_preferences WHERE user_id = ?").param(userId)
                .query((rs, i) -> Map.entry(rs.getString("topic"), rs.getString("channel"))).list()
                .forEach(e -> channels.put(e.getKey(), e.getValue()));
        return channels;
    }

    /** The chosen channel of one topic for many people: userId → channel, for those who chose. */
    public Map<Long, String> channels(List<Long> userIds, String topic) {
        Map<Long, String> channels = new HashMap<>();
        if (userIds.isEmpty()) {
            return channels;
        }
        jdbc.sql("SELECT user_id, channel FROM notification_preferences WHERE user_id = ANY(?) AND topic = ?")
                .params(userIds.toArray(Long[]::new), topic)
                .query((rs, i) -> Map.entry(rs.getLong("user_id"), rs.getString("channel"))).list()
                .forEach(e -> channels.put(e.getKey(), e.getValue()));
        return channels;
    }

    public void saveChannels(long userId, Map<String, String> channels) {
        jdbc.sql("DELETE FROM notification_preferences WHERE user_id = ?").param(userId).update();
        channels.forEach((topic, channel) -> jdbc.sql("INSERT INTO notification_preferences (user_id, topic, channel) VALUES (?, ?, ?)")
                .params(userId, topic, channel).update());
    }

    /** People who want a digest (everyone without settings does): id and time zone, or the default. */
    public List<Map.Entry<Long, String>> digestReaders(String defaultZone, String week, int limit) {
        return jdbc.sql("""
                SELECT u.id, COALESCE(s.time_zone, ?) AS zone FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id
                WHERE u.enabled AND u.email IS NOT NULL AND COALESCE(s.digest, TRUE)
                  AND s.last_digest_week IS DISTINCT FROM ? ORDER BY u.id LIMIT ?""")
                .params(defaultZone, week, limit)
                .query((rs, i) -> Map.entry(rs.getLong("id"), rs.getString("zone"))).list();
    }

    /**
     * Takes the week's digest for one person: true for exactly one caller, however many instances ask.
     */
    public boolean claimDigest(long userId, String zone, String week) {
        return jdbc.sql("""
                INSERT INTO notification_settings (user_id, time_zone, last_digest_week) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET last_digest_week = EXCLUDED.last_digest_week
                WHERE notification_settings.last_digest_week IS DISTINCT FROM EXCLUDED.last_digest_week""")
                .params(userId, zone, week).update() == 1;
    }
}
