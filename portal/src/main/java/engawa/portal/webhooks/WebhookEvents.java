package engawa.portal.webhooks;

import engawa.db.webhooks.WebhookOutbox;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * How features publish events: inside the transaction of the change itself, so the event is
 * stored exactly when the change is (no event for a rolled-back change, none lost for a committed
 * one). Delivery happens afterwards, from the outbox.
 */
@Service
public class WebhookEvents {

    private final WebhookOutbox outbox;
    private final WebhookDispatcher dispatcher;
    private final JsonMapper json;
    private final Clock clock;

    WebhookEvents(WebhookOutbox outbox, WebhookDispatcher dispatcher, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores an event with one delivery per live subscription to its type.
     *
     * @param data the event's {@code data}: a map or record that serialises to a JSON object
     * @return the event id, which receivers see as {@code webhook-id}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID publish(EventType type, Object data) {
        return publish(type, data, List.of());
    }

    /**
     * As {@link #publish(EventType, Object)}, also to the subscriptions watching {@code scope}
     * (e.g. {@code recipe:expense-reminder}: that recipe's owners).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID publish(EventType type, Object data, String scope) {
        return publish(type, data, scope == null ? List.of() : List.of(scope));
    }

    /**
     * As {@link #publish(EventType, Object)}, also to the subscriptions watching any of
     * {@code scopes} (an office-hours event: its attendee's and its hosts' {@code person:<id>}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID publish(EventType type, Object data, List<String> scopes) {
        UUID id = TimeOrderedIds.next(clock);
        int deliveries = outbox.append(id, type.id(), clock.instant(), json.writeValueAsString(data), scopes);
        if (deliveries > 0) {
            // this instance starts at once; others find the rows on their next poll
            dispatcher.wakeAfterCommit();
        }
        return id;
    }

    /**
     * An event for one subscription alone (a recipe run for its recipe's target), sent, retried and
     * logged like every other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendTo(UUID eventId, String type, Object data, java.time.Instant at, UUID subscriptionId) {
        outbox.appendTo(eventId, type, at, json.writeValueAsString(data), subscriptionId);
        dispatcher.wakeAfterCommit();
    }

    /** Stores many events of one type at once, as {@link #publish} does one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publishAll(EventType type, List<?> data) {
        List<UUID> ids = new ArrayList<>(data.size());
        List<String> texts = new ArrayList<>(data.size());
        for (Object item : data) {
            ids.add(TimeOrderedIds.next(clock));
            texts.add(json.writeValueAsString(item));
        }
        if (outbox.appendAll(ids, type.id(), clock.instant(), texts) > 0) {
            dispatcher.wakeAfterCommit();
        }
    }
}
