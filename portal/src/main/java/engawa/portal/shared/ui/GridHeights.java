package engawa.portal.shared.ui;

import com.vaadin.flow.component.grid.Grid;

/**
 * A grid as tall as its rows when they are few, so that no fixed box cuts rows off or leaves
 * empty space below them; a scrolling box when they are many (all rows visible would fetch them
 * all, and a list can grow without end).
 */
public final class GridHeights {

    /** Up to this many rows a grid shows them all. */
    public static final int ROWS_SHOWN_WHOLE = 15;

    private GridHeights() {
    }

    public static void fit(Grid<?> grid, long rows) {
        if (rows <= ROWS_SHOWN_WHOLE) {
            grid.setAllRowsVisible(true);
            grid.setHeight(null);
        } else {
            grid.setAllRowsVisible(false);
            grid.setHeight("min(36rem, 75vh)");
        }
    }
}
