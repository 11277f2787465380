package engawa.portal.catalog;

/**
 * What an SLO's numbers mean, for anyone to read. The {@code slo} feature decides which state an SLO
 * is in; the catalog keeps the states of each service's SLOs for its list, filter and scorecard,
 * so the words live here, below both.
 *
 * <p> Spent: no budget left. Burning fast: a page
 * alert fires (at this pace the budget is gone within days). At risk: a ticket alert fires, or
 * less than a quarter of the budget is left. Healthy otherwise; no data while the window holds
 * no measurement at all.
 */
public enum SloState {
    NO_DATA, HEALTHY, AT_RISK, BURNING_FAST, SPENT;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The state's name in translation keys: {@code atRisk}. */
    public String textKey() {
        return java.util.regex.Pattern.compile("-([a-z])").matcher(key()).replaceAll(m -> m.group(1).toUpperCase(java.util.Locale.ROOT));
    }

    public static java.util.Optional<SloState> byKey(String key) {
        return java.util.Arrays.stream(values())
                .filter(s -> s.key().equalsIgnoreCase(key) || s.name().equalsIgnoreCase(key)).findFirst();
    }
}
