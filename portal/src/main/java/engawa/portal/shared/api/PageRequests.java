package engawa.portal.shared.api;

import engawa.portal.shared.UserFacingException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/** Reads {@code ?page=&size=} with limits, so no request can ask for a whole table at once. */
public final class PageRequests {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /**
     * How deep a list may be paged: each page beyond reads and skips every row before it, so a page
     * number of a billion would make the database count through a table for nothing.
     */
    public static final int MAX_DEPTH = 100_000;

    private PageRequests() {
    }

    public static Pageable of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw UserFacingException.invalid("api.page.negative");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw UserFacingException.invalid("api.size.range", MAX_SIZE);
        }
        if ((long) p * s > MAX_DEPTH) {
            throw UserFacingException.invalid("api.page.tooDeep", MAX_DEPTH);
        }
        return PageRequest.of(p, s);
    }
}
