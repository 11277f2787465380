package engawa.portal.slo.ui;

import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import engawa.db.slo.Bucket;
import engawa.portal.shared.ui.Formats;
import engawa.portal.slo.BurnWindow;
import engawa.portal.slo.Slo;
import engawa.portal.catalog.SloState;
import engawa.portal.slo.SloStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One SLO as anyone reads it: the state in a word and a sentence, what to do about it, the budget
 * left as a bar, the burn-down and burn-rate charts, and the numbers folded away for those who
 * want them.
 */
public class SloPanel extends Div {

    /** @param link whether to show the title leading to the SLO's own page (on a service page) */
    public SloPanel(Slo slo, List<Bucket> history, boolean link) {
        addClassName("slo-panel");
        setId("slo-" + slo.id());
        getElement().setAttribute("data-slo", slo.row().values().name());
        SloStatus status = slo.status();
        var values = slo.row().values();

        Div head = new Div();
        head.addClassName("slo-head");
        if (link) {
            // on its own page the SLO's title is the page's heading already
            H3 heading = new H3(new RouterLink(slo.title(), SloView.class, new RouteParameters("id", String.valueOf(slo.id()))));
            heading.addClassName("slo-title");
            head.add(heading);
        }
        head.add(SloWords.stateBadge(this, status.state()));
        add(head);

        Paragraph sentence = new Paragraph(SloWords.sentence(this, slo.title(), values, status));
        sentence.addClassName("slo-sentence");
        add(sentence);

        Paragraph objective = new Paragraph(getTranslation("slo.objective.line", SloWords.objective(this, values),
                values.goodMeans(), SloWords.window(this, values)));
        objective.addClassName("slo-objective");
        add(objective);

        if (status.silent()) {
            java.time.Instant last = slo.row().receivedAt() != null ? slo.row().receivedAt() : slo.row().pulledUntil();
            if (last != null) {
                Paragraph silent = new Paragraph(getTranslation("slo.silent", Formats.dateTime(last)));
                silent.addClassNames("slo-silent", "warning-text");
                add(silent);
            }
        }

        Paragraph advice = new Paragraph(SloWords.advice(this, status));
        advice.addClassNames("slo-advice", "slo-advice-" + status.state().key());
        add(advice);
        SloWords.why(this, status).ifPresent(why -> {
            Paragraph reason = new Paragraph(why);
            reason.addClassName("slo-why");
            add(reason);
        });

        if (status.hasData()) {
            double left = status.remainingShare().doubleValue();
            ProgressBar bar = new ProgressBar(0, 1, Math.min(1, left));
            bar.addThemeVariants(status.state() == SloState.HEALTHY ? ProgressBarVariant.LUMO_SUCCESS
                    : status.state() == SloState.AT_RISK ? ProgressBarVariant.LUMO_CONTRAST : ProgressBarVariant.LUMO_ERROR);
            String barLabel = getTranslation("slo.budget.bar", SloWords.percent(status.remainingPercent(), 1));
            bar.getElement().setAttribute("aria-label", barLabel);
            Span barText = new Span(barLabel);
            barText.addClassName("slo-budget-text");
            Div budget = new Div(barText, bar);
            budget.addClassName("slo-budget");
            add(budget);
        }

        Div charts = new Div(chart("burn-down", SloCharts.burnDown(history, status, Formats.zone(), words("burn-down", slo)),
                getTranslation("slo.chart.burnDown.title")),
                chart("burn-rate", SloCharts.burnRate(history, status, Formats.zone(), words("burn-rate", slo)),
                        getTranslation("slo.chart.burnRate.title")));
        charts.addClassName("slo-charts");
        add(charts);

        add(numbers(slo));
    }

    private SloCharts.Words words(String chart, Slo slo) {
        SloStatus s = slo.status();
        String description = chart.equals("burn-down")
                ? getTranslation("slo.chart.burnDown.desc", SloWords.percent(s.remainingPercent(), 1),
                        SloWords.window(this, slo.row().values()))
                : getTranslation("slo.chart.burnRate.desc", SloWords.number(s.burnRates().get(BurnWindow.H1), 2));
        return new SloCharts.Words(getTranslation("slo.chart." + (chart.equals("burn-down") ? "burnDown" : "burnRate") + ".title"), description,
                chart.equals("burn-down") ? "%" : "×", getTranslation("slo.chart.noData"));
    }

    private Component chart(String kind, String svg, String caption) {
        Image image = new Image("data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)),
                description(svg));
        image.addClassName("slo-chart-image");
        image.getElement().setAttribute("data-chart", kind);
        Span label = new Span(caption);
        label.addClassName("slo-chart-caption");
        Div box = new Div(label, image);
        box.addClassName("slo-chart-box");
        return box;
    }

    /** The chart's own description, as the image's alternative text. */
    private static String description(String svg) {
        int start = svg.indexOf("<desc");
        int open = svg.indexOf('>', start) + 1;
        int end = svg.indexOf("</desc>");
        return start < 0 ? "" : svg.substring(open, end).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    private Component numbers(Slo slo) {
        SloStatus s = slo.status();
        Div table = new Div();
        table.addClassName("slo-numbers");
        row(table, "achieved", s.achieved() == null ? "–" : SloWords.percent(s.achieved().movePointRight(2), 4));
        row(table, "events", getTranslation("slo.numbers.events.value", SloWords.count(s.good()), SloWords.count(s.total())));
        row(table, "budget", getTranslation("slo.numbers.budget.value", SloWords.number(s.budgetEvents(), 2),
                SloWords.duration(this, s.budgetTime())));
        row(table, "consumed", SloWords.count(s.consumedEvents()));
        row(table, "remaining", SloWords.number(s.remainingEvents(), 2)
                + (s.overspentEvents().signum() > 0 ? " " + getTranslation("slo.numbers.overspent", SloWords.number(s.overspentEvents(), 2)) : ""));
        row(table, "remainingTime", s.remainingTime() == null ? "–" : SloWords.duration(this, s.remainingTime()));
        row(table, "exhaustedIn", s.exhaustedIn() == null ? getTranslation("slo.numbers.notRunningOut")
                : SloWords.duration(this, s.exhaustedIn()));
        StringBuilder rates = new StringBuilder();
        for (BurnWindow w : BurnWindow.values()) {
            BigDecimal rate = s.burnRates().get(w);
            rates.append(rates.isEmpty() ? "" : " · ").append(w.label).append(' ')
                    .append(rate == null ? "–" : SloWords.number(rate, 2));
        }
        row(table, "burnRates", rates.toString());
        row(table, "alert", getTranslation("slo.alert." + s.alert().name().toLowerCase(Locale.ROOT)));
        row(table, "received", slo.row().receivedAt() == null ? getTranslation("slo.numbers.never")
                : Formats.dateTime(slo.row().receivedAt()));
        Details details = new Details(getTranslation("slo.numbers.title"), table);
        details.addClassName("slo-numbers-details");
        return details;
    }

    private void row(Div table, String key, String value) {
        Span label = new Span(getTranslation("slo.numbers." + key));
        label.addClassName("slo-number-label");
        Span text = new Span(value);
        text.addClassName("slo-number-value");
        text.getElement().setAttribute("data-number", key);
        table.add(label, text);
    }
}
