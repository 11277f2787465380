package engawa.portal.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import engawa.portal.catalog.SloState;
import org.springframework.modulith.NamedInterface;

/** An SLO state in words, and as a coloured badge; colour is never the only sign (the word is there). */
@NamedInterface("ui")
public final class SloStateBadge {

    private SloStateBadge() {
    }

    public static String words(Component on, SloState state) {
        return on.getTranslation("slo.state." + state.textKey());
    }

    public static String theme(SloState state) {
        return switch (state) {
            case HEALTHY -> "badge success";
            case AT_RISK -> "badge warning";
            case BURNING_FAST, SPENT -> "badge error primary";
            case NO_DATA -> "badge contrast";
        };
    }

    public static Span of(Component on, SloState state) {
        Span badge = new Span(words(on, state));
        badge.getElement().getThemeList().add(theme(state));
        badge.addClassName("slo-state");
        badge.getElement().setAttribute("data-state", state.key());
        return badge;
    }
}
