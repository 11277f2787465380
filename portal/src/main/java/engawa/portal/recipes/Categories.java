package engawa.portal.recipes;

import java.util.List;

/** The gallery's categories: a short fixed list people recognise, each translated ({@code recipes.category.*}). */
public final class Categories {

    public static final List<String> ALL = List.of("reports", "spreadsheets", "access", "meetings", "expenses",
            "onboarding", "other");

    private Categories() {
    }
}
