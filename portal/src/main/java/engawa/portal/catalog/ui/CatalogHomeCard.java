package engawa.portal.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import engawa.portal.shared.ui.HomeCards;
import engawa.portal.shared.ui.HomeSection;
import java.util.Optional;

/** Home's card for the catalog. */
@org.springframework.stereotype.Component
class CatalogHomeCard implements HomeSection {

    @Override
    public Place place() {
        return Place.DISCOVER;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create(Component home) {
        return Optional.of(HomeCards.card(home, VaadinIcon.CLUSTER, "home.catalog.title", "home.catalog.text",
                CatalogView.class));
    }
}
