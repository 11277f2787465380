package engawa.portal.catalog;

import engawa.db.catalog.SearchTerms;
import engawa.db.catalog.ServiceFilter;

/**
 * A search and filter resolved once (owners found, a mistyped word corrected), then used for
 * every page of a list and its counts. Made by {@link CatalogService#query}.
 */
public final class CatalogQuery {

    final SearchTerms terms;
    final ServiceFilter filter;
    /** How many services match, once known: resolving a search counts, and a list counts once. */
    Long count;

    CatalogQuery(SearchTerms terms, ServiceFilter filter, Long count) {
        this.terms = terms;
        this.filter = filter;
        this.count = count;
    }

    /** When a mistyped word was corrected: the text searched instead, e.g. "payments" for "paymnets". */
    public String correctedText() {
        return terms.correctedText();
    }

    /** Nothing matched the words: the list shows services whose names look like the text. */
    public boolean bySimilarNames() {
        return terms.mode() == SearchTerms.Mode.SIMILAR_NAME;
    }

    public boolean isSearch() {
        return terms.mode() != SearchTerms.Mode.ALL;
    }
}
