package engawa.portal.officehours;

import engawa.db.officehours.SeriesValues;
import engawa.portal.catalog.ServiceDirectory;
import engawa.portal.people.Callers;
import engawa.portal.people.Callers.Caller;
import engawa.portal.recipes.RecipeLookup;
import engawa.portal.recipes.RecipeRef;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a session is about in other features: the recipes and services it names. The recipes
 * feature decides who sees a draft recipe (its owners and admins), here as everywhere.
 */
@Component
@PreAuthorize("isAuthenticated()")
public class SessionLinks {

    private final RecipeLookup recipes;
    private final ServiceDirectory services;
    private final Callers callers;

    SessionLinks(RecipeLookup recipes, ServiceDirectory services, Callers callers) {
        this.recipes = recipes;
        this.services = services;
        this.callers = callers;
    }

    /** The recipes a session is about, by title, as the caller may see them. */
    @Transactional(readOnly = true)
    public List<RecipeRef> recipesOf(Session session) {
        Caller caller = callers.current();
        return session.series().values().recipeSlugs().stream()
                .flatMap(slug -> recipes.findVisible(caller, slug).stream()).toList();
    }

    /** Refuses a draft that names a recipe the caller cannot see or a service the catalog has not. */
    public void check(SeriesValues values, Caller caller) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String slug : values.recipeSlugs()) {
            if (recipes.findVisible(caller, slug).isEmpty()) {
                problems.add(new FieldProblem("recipes", "officeHours.recipes.unknown", slug));
            }
        }
        var found = services.existing(values.serviceNames());
        for (String name : values.serviceNames()) {
            if (!found.contains(name)) {
                problems.add(new FieldProblem("services", "officeHours.services.unknown", name));
            }
        }
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
    }
}
