/**
 * SLOs with error budgets: OpenSLO-shaped objectives per catalog service, measurements pushed,
 * uploaded or pulled from Prometheus, exact budget and burn-rate arithmetic with the SRE
 * workbook's multiwindow alerts, plain-language state, OpenSLO files in and out.
 *
 * <p>Owns {@code slos}, {@code slo_measurements}, {@code slo_policies}. Publishes
 * {@link engawa.portal.slo.ErrorBudgetWarning}, {@link engawa.portal.slo.ErrorBudgetExhausted} and
 * {@link engawa.portal.slo.SloAlertChanged}, once per crossing. Tells the catalog each service's
 * SLO states ({@code catalog.SloSummaries}) and fills the service page's "Reliability" section.
 * Depends on catalog, people and webhooks.
 */
package engawa.portal.slo;
