package engawa.portal.notifications.api;

import engawa.portal.notifications.NotificationService;
import engawa.portal.notifications.NotificationService.Item;
import engawa.portal.notifications.NotificationService.Preferences;
import engawa.portal.notifications.Topic;
import engawa.portal.shared.Translations;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.api.PageRequests;
import engawa.portal.shared.api.PageResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications and how they want to hear about things. */
@RestController
@RequestMapping(path = "/api/v1/me", produces = "application/json")
class NotificationsApi {

    private final NotificationService notifications;

    NotificationsApi(NotificationService notifications) {
        this.notifications = notifications;
    }

    record NotificationJson(String id, String topic, String text, String link, Instant createdAt, boolean read) {
        static NotificationJson of(Item item) {
            return new NotificationJson(String.valueOf(item.id()), item.topic().id(), item.text(), item.link(),
                    item.createdAt(), item.read());
        }
    }

    record QuietHoursJson(String from, String until) {
    }

    /**
     * @param topics per topic ({@code my-sessions}, ...): {@code email}, {@code portal} or {@code off}
     * @param quietHours null for none; otherwise both times, as {@code 22:00}
     */
    record PreferencesJson(Map<String, String> topics, String timeZone, QuietHoursJson quietHours, Boolean digest,
            Boolean emailAvailable) {
        static PreferencesJson of(Preferences p) {
            Map<String, String> topics = new LinkedHashMap<>();
            p.channels().forEach((t, c) -> topics.put(t.id(), c.id()));
            return new PreferencesJson(topics, p.timeZone(), p.quietFrom() == null ? null
                    : new QuietHoursJson(p.quietFrom().toString(), p.quietUntil().toString()), p.digest(), p.emailAvailable());
        }
    }

    record ReadAllJson(int read) {
    }

    @GetMapping("/notifications")
    PageResponse<NotificationJson> list(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) String topic, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Pageable pageable = PageRequests.of(page, size);
        Topic t = topic == null || topic.isBlank() ? null : Topic.byId(topic.strip())
                .orElseThrow(() -> UserFacingException.invalidField("topic", "notifications.topic.unknown", topic, topics()));
        List<NotificationJson> items = notifications.page(unread, t, pageable, Translations.ENGLISH).stream()
                .map(NotificationJson::of).toList();
        return new PageResponse<>(items, pageable.getPageNumber(), pageable.getPageSize(), notifications.count(unread, t));
    }

    @PostMapping("/notifications/{id}/read")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    void read(@PathVariable String id) {
        notifications.markRead(id(id));
    }

    @PostMapping("/notifications/read-all")
    ReadAllJson readAll() {
        return new ReadAllJson(notifications.markAllRead());
    }

    @GetMapping("/notification-preferences")
    PreferencesJson preferences() {
        return PreferencesJson.of(notifications.preferences());
    }

    @PutMapping(path = "/notification-preferences", consumes = "application/json")
    PreferencesJson save(@RequestBody PreferencesJson body) {
        QuietHoursJson quiet = body.quietHours();
        return PreferencesJson.of(notifications.save(body.topics() == null ? Map.of() : body.topics(), body.timeZone(),
                quiet == null ? null : quiet.from(), quiet == null ? null : quiet.until(),
                body.digest() == null || body.digest()));
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw UserFacingException.notFound("notifications.notFound", id);
        }
    }

    private static String topics() {
        return String.join(", ", java.util.Arrays.stream(Topic.values()).map(Topic::id).toList());
    }
}
