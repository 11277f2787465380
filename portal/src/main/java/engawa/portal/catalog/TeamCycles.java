package engawa.portal.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Whether giving a team a parent would put it inside itself: the one rule, for planned teams and pending parents. */
final class TeamCycles {

    private TeamCycles() {
    }

    /**
     * @param parentOf a team's parent, or null at the top
     * @return the teams from {@code parent} up to {@code team} when {@code parent} is {@code team}
     *         or below it (a circle), else empty
     */
    static <T> Optional<List<T>> circle(T team, T parent, Function<T, T> parentOf) {
        List<T> path = new ArrayList<>();
        Set<T> seen = new HashSet<>();
        for (T at = parent; at != null && seen.add(at); at = parentOf.apply(at)) {
            path.add(at);
            if (at.equals(team)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
