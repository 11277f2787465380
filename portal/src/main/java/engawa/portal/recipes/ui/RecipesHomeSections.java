package engawa.portal.recipes.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;
import engawa.db.recipes.RunRow;
import engawa.portal.recipes.RecipeRun;
import engawa.portal.recipes.RecipeRunner;
import engawa.portal.recipes.TimeSaved;
import engawa.portal.shared.ui.Formats;
import engawa.portal.shared.ui.HomeCards;
import engawa.portal.shared.ui.HomeSection;
import engawa.portal.shared.ui.HomeSection.Place;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;

/** What recipes show on Home: the time they saved, and a card for newcomers. */
@Configuration(proxyBeanMethods = false)
class RecipesHomeSections {

    /** "You saved 2 h 15 min this month; everyone together 41 h": what persuades people to try a recipe. */
    @Bean
    HomeSection timeSavedOnHome(TimeSaved timeSaved) {
        return HomeSection.of(Place.FOR_YOU, 10, home -> {
            TimeSaved.ThisMonth month = timeSaved.thisMonth(Formats.zone());
            Paragraph text = new Paragraph();
            text.setId("home-time-saved");
            text.addClassName("home-time-saved");
            String everyone = Minutes.format(home, month.everyone());
            text.setText(month.mine() > 0
                    ? home.getTranslation("home.timeSaved", Minutes.format(home, month.mine()), everyone)
                    : home.getTranslation("home.timeSaved.notYet", everyone));
            RouterLink recipes = new RouterLink(home.getTranslation("home.timeSaved.browse"), RecipesView.class);
            Div box = new Div(VaadinIcon.CLOCK.create(), text, recipes);
            box.addClassName("home-time-box");
            return Optional.of(box);
        });
    }

    /** The person's last runs and how each went: what they ran, and whether it worked. */
    @Bean
    HomeSection recentRunsOnHome(RecipeRunner runs) {
        return HomeSection.of(Place.FOR_YOU, 15, home -> {
            List<RecipeRun> recent = runs.mine(PageRequest.of(0, 3));
            if (recent.isEmpty()) {
                return Optional.empty();
            }
            UnorderedList list = new UnorderedList();
            boolean japanese = "ja".equals(UI.getCurrent().getLocale().getLanguage());
            for (RecipeRun run : recent) {
                RunRow row = run.row();
                String title = japanese && row.recipeTitleJa() != null ? row.recipeTitleJa() : row.recipeTitleEn();
                Span state = new Span(home.getTranslation("recipes.run.status." + row.status().name().toLowerCase(Locale.ROOT)));
                state.getElement().getThemeList().add(switch (row.status()) {
                    case SUCCEEDED -> "badge success small";
                    case FAILED, NO_ANSWER -> "badge error small";
                    default -> "badge small";
                });
                list.add(new ListItem(new Anchor("runs/" + row.id(), title), new Span(" "), state,
                        new Span(" " + Formats.dateTime(row.requestedAt()))));
            }
            Div box = new Div(new H2(home.getTranslation("home.recentRuns")), list,
                    new RouterLink(home.getTranslation("home.recentRuns.all"), MyRunsView.class));
            box.setId("home-runs");
            box.addClassName("home-box");
            return Optional.of(box);
        });
    }

    @Bean
    HomeSection recipesCardOnHome() {
        return HomeSection.of(Place.DISCOVER, 30, home -> {
            return Optional.of(HomeCards.card(home, VaadinIcon.MAGIC, "home.recipes.title", "home.recipes.text",
                    RecipesView.class));
        });
    }
}
