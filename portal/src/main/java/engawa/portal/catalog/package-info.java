/**
 * The service catalog: every service with its owner, lifecycle, tier, standard ops links,
 * dependencies and history; search, editing with optimistic locking, the new-service wizard,
 * Backstage files in and out ({@code backstage}), and the common-minimum scorecard.
 *
 * <p>Owns the {@code catalog_*} tables. Publishes {@link engawa.portal.catalog.ServiceCreated}
 * and {@link engawa.portal.catalog.ServiceUpdated}. Offers {@link engawa.portal.catalog.ServiceDirectory}
 * (which services exist), {@link engawa.portal.catalog.CatalogService} (a service and who may
 * change it), {@link engawa.portal.catalog.SloSummaries} (where the SLO feature tells the catalog
 * what a service's SLOs are like, for the list, filters and scorecard), and in {@code catalog.ui}
 * the service page's {@code ServicePageSection} and the {@code SloStateBadge}. Depends on people
 * and webhooks; knows nothing of SLOs beyond the states it is told.
 */
package engawa.portal.catalog;
