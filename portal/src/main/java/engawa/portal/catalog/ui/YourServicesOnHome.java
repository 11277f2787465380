package engawa.portal.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import engawa.portal.catalog.MyServices;
import engawa.portal.catalog.ServiceAttention;
import engawa.portal.shared.ui.HomeSection;
import java.util.Optional;

/**
 * For service owners, on Home: their services that lack part of the common minimum, and SLOs at
 * risk, each with what it still needs; or that all of them are fine.
 */
@org.springframework.stereotype.Component
class YourServicesOnHome implements HomeSection {

    private final MyServices myServices;

    YourServicesOnHome(MyServices myServices) {
        this.myServices = myServices;
    }

    @Override
    public Place place() {
        return Place.YOUR_WORK;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create(Component home) {
        MyServices.Overview mine = myServices.overview();
        if (mine.owned() == 0) {
            return Optional.empty();
        }
        Div box = new Div(new H2(home.getTranslation("home.yourServices")));
        box.setId("home-your-services");
        box.addClassName("home-box");
        if (mine.needingAttention().isEmpty()) {
            box.add(new Paragraph(home.getTranslation("home.yourServices.allGood", mine.owned())));
            return Optional.of(box);
        }
        UnorderedList needs = new UnorderedList();
        needs.setId("home-your-services-gaps");
        for (ServiceAttention s : mine.needingAttention()) {
            ListItem item = new ListItem(CatalogLinks.service(s.name(), s.displayName()));
            if (!s.missing().isEmpty()) {
                item.add(new Span(" — " + home.getTranslation("home.yourServices.missing", String.join(", ",
                        s.missing().stream().map(k -> home.getTranslation("scorecard.rule." + k)).toList()))));
            }
            if (s.sloStateAtRisk() != null) {
                Span risk = new Span(home.getTranslation("slo.state." + s.sloStateAtRisk()));
                risk.getElement().getThemeList().add("badge error small");
                item.add(new Span(" "), risk);
            }
            needs.add(item);
        }
        box.add(new Paragraph(home.getTranslation("home.yourServices.intro")), needs);
        return Optional.of(box);
    }
}
