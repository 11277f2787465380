package engawa.portal.notifications;

import engawa.portal.shared.DatabaseSignals;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells open pages that someone's inbox changed, on every instance: the change sends a signal in
 * its own transaction (delivered only if it commits), and each instance passes the person's id to
 * the bells open for them.
 */
@Component
public class InboxSignals {

    private static final Logger log = LoggerFactory.getLogger(InboxSignals.class);
    static final String CHANNEL = "engawa_inbox";

    private final DatabaseSignals signals;
    private final Map<Long, Set<LongConsumer>> listeners = new ConcurrentHashMap<>();

    InboxSignals(DatabaseSignals signals) {
        this.signals = signals;
        signals.subscribe(CHANNEL, this::deliver);
    }

    /** In the caller's transaction: once it commits, every instance hears that these inboxes changed. */
    void changed(Collection<Long> recipientIds) {
        // one signal per batch: a payload holds about 8,000 bytes, so large fan-outs go in parts
        StringBuilder ids = new StringBuilder();
        for (long id : recipientIds) {
            if (ids.length() > 7000) {
                signals.send(CHANNEL, ids.toString());
                ids.setLength(0);
            }
            ids.append(ids.isEmpty() ? "" : ",").append(id);
        }
        if (!ids.isEmpty()) {
            signals.send(CHANNEL, ids.toString());
        }
    }

    /** @return how to stop listening (a page closed) */
    public Runnable listen(long userId, LongConsumer onChange) {
        listeners.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(onChange);
        return () -> listeners.computeIfPresent(userId, (id, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    private void deliver(String payload) {
        for (String id : payload.split(",")) {
            Set<LongConsumer> open = listeners.get(Long.parseLong(id));
            if (open != null) {
                open.forEach(l -> {
                    try {
                        l.accept(Long.parseLong(id));
                    } catch (RuntimeException e) {
                        log.debug("A bell could not be updated: {}", e.toString());
                    }
                });
            }
        }
    }
}
