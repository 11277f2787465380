package engawa.portal.webhooks;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One kind of event the portal sends, declared by the feature that owns the fact (through an
 * {@link EventTypeSource} bean, so that {@link EventTypes} knows every type without knowing the features). The sample is an
 * instance of the same record as the real events, so the two cannot disagree on fields.
 *
 * @param id the name on the wire, e.g. {@code service.created}
 * @param audience who may subscribe to every event of the type
 * @param scoping who else may subscribe to part of them
 * @param description what it means, in English for the API (the portal shows a translation)
 * @param sample a plausible event of this type: what "Send test" sends and Zapier maps fields from
 */
public record EventType(String id, Audience audience, Scoping scoping, String description,
        Supplier<? extends WebhookEvent> sample) {

    /** Who may subscribe to every event of a type and read its recent events. */
    public enum Audience {
        /** Nothing beyond what every member may read in the portal (catalog, SLOs). */
        MEMBERS,
        /** Names of attendees, run inputs: admins only, unless {@link Scoping} lets people watch their own part. */
        ADMINS
    }

    /** Which part of an admins-only type others may watch. */
    public enum Scoping {
        NONE,
        /** People watch the events that concern them ({@code person:<id>}): their sign-ups, the sessions they host. */
        PERSON,
        /** A recipe's owners watch that recipe's events ({@code recipe:<slug>}). */
        RECIPE
    }

    public EventType {
        Objects.requireNonNull(id);
        Objects.requireNonNull(audience);
        Objects.requireNonNull(scoping);
        Objects.requireNonNull(sample);
    }

    /** The sample, checked to be of this type: a sample of another type would mislead every Zap built on it. */
    public WebhookEvent sampleEvent() {
        WebhookEvent event = sample.get();
        if (!event.type().id().equals(id)) {
            throw new IllegalStateException("The sample of " + id + " is a " + event.type().id());
        }
        return event;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventType type && type.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
