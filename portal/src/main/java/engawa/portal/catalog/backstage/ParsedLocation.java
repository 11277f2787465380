package engawa.portal.catalog.backstage;

import java.util.List;

/**
 * A Backstage Location: it imports nothing itself, it points at other catalog files.
 *
 * @param targets {@code spec.target} and {@code spec.targets} as written: relative paths or web addresses
 */
public record ParsedLocation(String file, int documentIndex, String entityRef, List<String> targets) {
}
