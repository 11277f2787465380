package engawa.portal.webhooks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A fact a feature tells the world outside the portal: a record published as a Spring
 * application event inside the transaction that makes it true. Its components are the event's
 * {@code data} as subscribers receive it, in snake_case ({@link EventJson}); components marked
 * {@code @JsonIgnore} are for listeners inside the portal only. The webhooks feature writes every
 * such event to the outbox in that same transaction, so an event goes out exactly when its change
 * is committed.
 */
public interface WebhookEvent {

    /** The type's one definition: its name on the wire, who may subscribe, a sample built from the record. */
    @JsonIgnore
    EventType type();

    /**
     * Who, besides the subscribers to the whole type, watches this one event: {@code recipe:<slug>}
     * for a recipe's owners, {@code person:<id>} for the people it concerns.
     */
    @JsonIgnore
    default List<String> scopes() {
        return List.of();
    }

    /** The scope of a person's own subscription to {@link EventType.Scoping#PERSON} events. */
    static String personScope(long userId) {
        return "person:" + userId;
    }

    /** The scope of a recipe's owners' subscription to {@link EventType.Scoping#RECIPE} events. */
    static String recipeScope(String slug) {
        return "recipe:" + slug;
    }
}
