package engawa.portal.people.ui;

import org.springframework.modulith.NamedInterface;
import com.vaadin.flow.component.combobox.ComboBox;
import engawa.portal.people.TeamService;
import engawa.portal.people.TeamSummary;
import engawa.portal.shared.UserFacingException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.domain.PageRequest;

/**
 * Picks a team by name, fetched a page at a time as the person types; the value is the team's
 * short name. A person as owner can be typed as {@code user:name} where {@code allowPeople}.
 */
@NamedInterface("ui")
public class TeamComboBox extends ComboBox<String> {

    private final transient TeamService teams;
    private final Map<String, String> names = new HashMap<>();

    public TeamComboBox(TeamService teams, boolean allowPeople) {
        this.teams = teams;
        setItems(query -> teams.search(query.getFilter().orElse(""), PageRequest.of(query.getPage(), query.getPageSize()))
                .stream().peek(t -> names.put(t.slug(), t.name())).map(TeamSummary::slug));
        setItemLabelGenerator(slug -> names.containsKey(slug) ? names.get(slug) + " (" + slug + ")" : slug);
        setClearButtonVisible(true);
        if (allowPeople) {
            setAllowCustomValue(true);
            addCustomValueSetListener(e -> setValue(e.getDetail().strip()));
        }
    }

    /** Sets a value that may not have been fetched yet, with its name for the label. */
    public void select(String slug) {
        if (slug != null && !slug.startsWith("user:") && !names.containsKey(slug)) {
            try {
                names.put(slug, teams.details(slug).team().name());
            } catch (UserFacingException unknown) {
                // shown as written; saving says what is wrong with it
            }
        }
        setValue(slug);
    }

    public String nameOf(String slug) {
        return names.getOrDefault(slug, slug);
    }
}
