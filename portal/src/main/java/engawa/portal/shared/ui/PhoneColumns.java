package engawa.portal.shared.ui;

import com.vaadin.flow.component.grid.Grid;

/**
 * A table on a wide screen that a phone shows narrower, so that nothing is cut off at the screen's
 * edge: without the columns that can wait, or with one column that tells the same in lines. The
 * browser switches as its width changes (a phone turned sideways), without a round trip; the server
 * only marks which column belongs where (decision 022).
 */
public final class PhoneColumns {

    /** The width up to which the portal lays pages out for a phone (as styles.css does). */
    static final String NARROW = "(max-width: 600px)";

    private PhoneColumns() {
    }

    /** One column tells on a phone what the others tell on a wide screen. */
    public static <T> void use(Grid<T> grid, Grid.Column<T> onPhones, Grid.Column<?>... onWideScreens) {
        onPhones.getElement().setAttribute("data-screen", "phone");
        hideOnPhones(grid, onWideScreens);
    }

    /** Columns a phone can do without (the rest still tell what matters). */
    public static void hideOnPhones(Grid<?> grid, Grid.Column<?>... columns) {
        for (Grid.Column<?> column : columns) {
            column.getElement().setAttribute("data-screen", "wide");
        }
        grid.addAttachListener(attached -> grid.getElement().executeJs("""
                const grid = this;
                const narrow = window.matchMedia($0);
                const show = () => grid.querySelectorAll('vaadin-grid-column[data-screen]')
                    .forEach(column => column.hidden = (column.dataset.screen === 'phone') !== narrow.matches);
                if (!grid.$phoneColumns) {
                  grid.$phoneColumns = show;
                  narrow.addEventListener('change', () => grid.$phoneColumns());
                }
                show();""", NARROW));
    }
}
