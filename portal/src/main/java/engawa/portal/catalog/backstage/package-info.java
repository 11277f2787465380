/**
 * Backstage's {@code catalog-info.yaml} format: reading and checking files document by document
 * ({@link engawa.portal.catalog.backstage.CatalogInfoParser}). The catalog's import service
 * (issue 4) resolves owners and references across files and writes what it takes; the export
 * writes the same shape back.
 */
package engawa.portal.catalog.backstage;
