package engawa.portal.webhooks;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every event type the features declare, in the order of their names. The webhooks feature
 * learns the types from the features' {@link EventTypeSource} beans, so it knows none by itself.
 */
@Component
public class EventTypes {

    private final Map<String, EventType> byId = new LinkedHashMap<>();

    EventTypes(List<EventTypeSource> sources) {
        sources.stream().flatMap(source -> source.types().stream()).sorted(Comparator.comparing(EventType::id)).forEach(type -> {
            if (byId.putIfAbsent(type.id(), type) != null) {
                throw new IllegalStateException("Two features declare the event type " + type.id());
            }
        });
    }

    public List<EventType> all() {
        return List.copyOf(byId.values());
    }

    public Optional<EventType> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** For messages that list what may be chosen. */
    public String allIds() {
        return String.join(", ", byId.keySet());
    }
}
