package engawa.portal.people.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.component.html.H1;
import engawa.portal.shared.Slugs;
import engawa.portal.shared.ui.MenuGroup;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import engawa.db.people.Team;
import engawa.portal.people.Member;
import engawa.portal.people.NewTeam;
import engawa.portal.people.TeamDetails;
import engawa.portal.people.TeamService;
import engawa.portal.people.TeamSummary;
import engawa.portal.people.UserAccountService;
import engawa.portal.people.UserSummary;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.shared.ui.Formats;
import engawa.portal.shared.ui.PhoneColumns;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.stream.Collectors;

/** Admins create teams, arrange them under parent teams, and add or remove members. */
@Route("admin/teams")
@Menu(title = "nav.admin.teams", order = 20, icon = "vaadin:group")
@MenuGroup(MenuGroup.Group.ADMIN)
@RolesAllowed("ADMIN")
public class AdminTeamsView extends Div implements HasDynamicTitle {

    private final TeamService teams;
    private final UserAccountService users;
    private final Grid<TeamSummary> teamGrid = new Grid<>();
    private final Div details = new Div();

    AdminTeamsView(TeamService teams, UserAccountService users) {
        this.teams = teams;
        this.users = users;
        addClassName("page");
        // every page has one h1: what screen reader users jump to first
        H1 heading = new H1(getTranslation("nav.admin.teams"));
        heading.addClassName("page-heading");
        add(heading);
        addClassName("admin-teams");

        Button create = new Button(getTranslation("admin.teams.new"), VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-team");
        HorizontalLayout toolbar = new HorizontalLayout(new Paragraph(getTranslation("admin.teams.intro")), create);
        toolbar.addClassName("toolbar");

        teamGrid.setId("teams-grid");
        teamGrid.addColumn(TeamSummary::name).setHeader(getTranslation("people.team")).setAutoWidth(true);
        var slug = teamGrid.addColumn(TeamSummary::slug).setHeader(getTranslation("people.slug")).setAutoWidth(true);
        var parent = teamGrid.addColumn(t -> t.parentName() == null ? "" : t.parentName())
                .setHeader(getTranslation("people.parentTeam"));
        // a phone lists the teams' names only; the team chosen shows the rest below
        PhoneColumns.hideOnPhones(teamGrid, slug, parent);
        teamGrid.setItems(query -> teams.list(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        teamGrid.setEmptyStateText(getTranslation("admin.teams.none"));
        teamGrid.asSingleSelect().addValueChangeListener(e -> showDetails(e.getValue()));

        details.addClassName("team-details");
        details.add(new Paragraph(getTranslation("admin.teams.pick")));
        Div split = new Div(teamGrid, details);
        split.addClassName("master-detail");
        add(toolbar, split);
    }

    private void showDetails(TeamSummary summary) {
        details.removeAll();
        if (summary == null) {
            details.add(new Paragraph(getTranslation("admin.teams.pick")));
            return;
        }
        TeamDetails team = teams.details(summary.slug());
        H2 title = new H2(team.team().name());
        title.setId("team-details-title");
        details.add(title);
        if (team.team().description() != null) {
            details.add(new Paragraph(team.team().description()));
        }
        if (team.team().parentName() != null) {
            details.add(new Paragraph(getTranslation("admin.teams.partOf", team.team().parentName())));
        }
        if (!team.children().isEmpty()) {
            details.add(new Paragraph(getTranslation("admin.teams.children",
                    team.children().stream().map(TeamSummary::name).collect(Collectors.joining(", ")))));
        }
        details.add(new H3(getTranslation("admin.teams.members", team.memberCount())));

        Grid<Member> members = new Grid<>();
        members.setId("members-grid");
        members.addColumn(Member::displayName).setHeader(getTranslation("people.displayName")).setAutoWidth(true);
        var username = members.addColumn(Member::username).setHeader(getTranslation("people.username")).setAutoWidth(true);
        var joined = members.addColumn(m -> Formats.date(m.joinedAt())).setHeader(getTranslation("people.joined")).setAutoWidth(true);
        members.addComponentColumn(m -> {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                teams.removeMember(summary.slug(), m.username());
                showDetails(summary);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("admin.teams.remove", m.displayName()));
            remove.setTooltipText(getTranslation("admin.teams.remove", m.displayName()));
            return remove;
        }).setFlexGrow(0);
        // a phone: who, and the button to take them off the team
        PhoneColumns.hideOnPhones(members, username, joined);
        members.setItems(query -> teams.members(summary.slug(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        members.setEmptyStateText(getTranslation("team.members.none"));
        members.setAllRowsVisible(team.memberCount() <= 10);

        ComboBox<UserSummary> person = new ComboBox<>(getTranslation("admin.teams.addPerson"));
        person.setId("add-member-person");
        person.setItemLabelGenerator(u -> u.displayName() + " (" + u.username() + ")");
        person.setItems(query -> users.search(query.getFilter().orElse(""),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        person.setPlaceholder(getTranslation("admin.teams.searchPeople"));
        Button add = new Button(getTranslation("admin.teams.add"), VaadinIcon.PLUS.create(), e -> {
            if (person.getValue() == null) {
                person.setErrorMessage(getTranslation("admin.teams.pickPerson"));
                person.setInvalid(true);
                return;
            }
            try {
                teams.addMember(summary.slug(), person.getValue().username());
                FormErrors.notifySuccess(getTranslation("admin.teams.added", person.getValue().displayName(), team.team().name()));
                showDetails(summary);
            } catch (RuntimeException error) {
                if (!FormErrors.show(this, error, Map.of())) {
                    throw error;
                }
            }
        });
        add.setId("add-member");
        HorizontalLayout adder = new HorizontalLayout(person, add);
        adder.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        details.add(adder, members);
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.teams.new"));
        TextField name = new TextField(getTranslation("people.teamName"));
        name.setId("new-team-name");
        name.setMaxLength(Team.NAME_MAX_LENGTH);
        TextField slug = new TextField(getTranslation("people.slug"));
        slug.setId("new-team-slug");
        slug.setHelperText(getTranslation("people.slug.help"));
        slug.setMaxLength(Team.SLUG_MAX_LENGTH);
        // suggest a slug from the name until the person types their own
        name.addValueChangeListener(e -> {
            if (e.isFromClient() && (slug.isEmpty() || slug.getValue().equals(suggestSlug(e.getOldValue())))) {
                slug.setValue(suggestSlug(e.getValue()));
            }
        });
        TextArea description = new TextArea(getTranslation("people.description"));
        description.setMaxLength(Team.DESCRIPTION_MAX_LENGTH);
        ComboBox<TeamSummary> parent = new ComboBox<>(getTranslation("people.parentTeam"));
        parent.setId("new-team-parent");
        parent.setItemLabelGenerator(TeamSummary::name);
        parent.setItems(query -> teams.search(query.getFilter().orElse(""),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        parent.setHelperText(getTranslation("people.parentTeam.help"));
        parent.setClearButtonVisible(true);
        FormLayout form = new FormLayout(name, slug, parent, description);
        form.setColspan(description, 2);
        dialog.add(form);

        Map<String, HasValidation> fields = Map.of("slug", slug, "name", name, "description", description,
                "parentSlug", parent);
        Button save = new Button(getTranslation("action.create"), e -> {
            try {
                TeamSummary created = teams.create(new NewTeam(slug.getValue(), name.getValue(), description.getValue(),
                        parent.getValue() == null ? null : parent.getValue().slug()));
                dialog.close();
                teamGrid.getDataProvider().refreshAll();
                FormErrors.notifySuccess(getTranslation("admin.teams.created", created.name()));
            } catch (RuntimeException error) {
                if (!FormErrors.show(this, error, fields)) {
                    throw error;
                }
            }
        });
        save.setId("new-team-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        name.focus();
    }

    static String suggestSlug(String name) {
        return Slugs.from(name, Team.SLUG_MAX_LENGTH);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.teams") + " · " + getTranslation("app.name");
    }
}
