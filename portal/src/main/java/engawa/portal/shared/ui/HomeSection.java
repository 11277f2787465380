package engawa.portal.shared.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.function.Function;

/**
 * A part of Home that a feature offers: what concerns the person first, then their work, then
 * what there is to discover. Home shows every section a feature offers (Spring beans), so Home
 * knows no feature. Called on the UI thread as Home is built, for the person signed in.
 */
public interface HomeSection {

    enum Place {
        /** About the person: unread notifications, their next sessions, their runs, recipes they use. */
        FOR_YOU,
        /** Their responsibilities: their services' gaps, sessions they host. */
        YOUR_WORK,
        /** For newcomers: what each part of Engawa is for, as a card. */
        DISCOVER
    }

    Place place();

    /** Lower first within a place. */
    int order();

    /** The section, or empty when it has nothing to say to this person (Home then leaves it out). */
    Optional<Component> create(Component home);

    /** A section from where it goes and how it is made, which is all most features need to say. */
    static HomeSection of(Place place, int order, Function<Component, Optional<Component>> create) {
        return new HomeSection() {
            @Override
            public Place place() {
                return place;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public Optional<Component> create(Component home) {
                return create.apply(home);
            }
        };
    }
}
