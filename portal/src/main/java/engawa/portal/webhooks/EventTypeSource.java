package engawa.portal.webhooks;

import java.util.List;

/** A feature's event types, declared as a bean so that {@link EventTypes} knows every type without knowing the features. */
@FunctionalInterface
public interface EventTypeSource {

    List<EventType> types();
}
