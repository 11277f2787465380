package engawa.portal.catalog.ui;

import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import engawa.portal.catalog.Scorecard;
import engawa.portal.catalog.ServiceDetails;
import engawa.portal.shared.ui.Card;

/** A service's common minimum on its page. */
final class ScorecardCard extends Card {

    /**
     * The common minimum as a checklist: what is in place, and for each gap how to fix it and who
     * can, so that a reader who is not an owner knows whom to ask.
     */
    ScorecardCard(ServiceDetails details, Scorecard score) {
        setTitle(getTranslation("service.score.title"));
        Div level = new Div(CatalogLabels.levelBadge(this, score.level()));
        level.addClassName("score-level");
        level.setId("service-level");
        ProgressBar bar = new ProgressBar(0, score.total(), score.passed());
        bar.getElement().setAttribute("aria-label", getTranslation("service.score.text", score.passed(), score.total()));
        Paragraph text = new Paragraph(getTranslation("service.score.text", score.passed(), score.total()));
        text.setId("service-score");
        UnorderedList checks = new UnorderedList();
        checks.addClassName("score-checks");
        checks.setId("service-score-checks");
        for (Scorecard.Check check : score.checks()) {
            ListItem item = new ListItem();
            item.getElement().setAttribute("data-rule", check.key());
            item.getElement().setAttribute("data-passed", String.valueOf(check.passed()));
            item.addClassName(check.passed() ? "score-pass" : "score-gap");
            var icon = check.passed() ? VaadinIcon.CHECK_CIRCLE.create() : VaadinIcon.CIRCLE_THIN.create();
            icon.getElement().setAttribute("aria-hidden", "true");
            Span label = new Span(getTranslation("scorecard.rule." + check.rule().textKey()) + (check.passed() ? ""
                    : " – " + getTranslation("service.score.missingWord")));
            label.addClassName("score-label");
            item.add(icon, label);
            if (!check.passed()) {
                Span fix = new Span(getTranslation("scorecard.fix." + check.rule().textKey()) + " "
                        + (details.mayEdit() ? getTranslation("scorecard.who.you")
                                : getTranslation("scorecard.who.owner", details.entry().owner().name())));
                fix.addClassName("score-fix");
                item.add(fix);
            }
            checks.add(item);
        }
        Card card = this;
        add(level, text, bar, checks);
        if (score.nextLevel() != null) {
            Paragraph next = new Paragraph(getTranslation("service.score.next", CatalogLabels.level(this, score.nextLevel())));
            next.addClassName("hint");
            card.add(next);
        }
        card.add(new RouterLink(getTranslation("service.score.company"), ScorecardView.class));
        card.setId("service-scorecard");
    }
}
