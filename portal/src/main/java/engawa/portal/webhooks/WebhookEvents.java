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
        UUID id = TimeOrderedIds.next(clock);
        int deliveries = outbox.append(id, type.id(), clock.instant(), json.writeValueAsString(data));
        if (deliveries > 0) {
            // this instance starts at once; others find the rows on their next poll
            dispatcher.wakeAfterCommit();
        }
        return id;
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
