package engawa.portal.slo.ui;

import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.ui.FormErrors;
import engawa.portal.slo.Slo;
import engawa.portal.slo.SloDraft;
import engawa.portal.slo.SloService;
import java.util.List;

/**
 * The "Reliability" card of a service page: each SLO in plain language with its charts, the
 * team's error-budget policy, and for its owners the way to add an SLO or write the policy.
 */
public class ServiceReliability extends Div {

    private final SloService slos;
    private final String service;
    private final Div policyBox = new Div();

    public ServiceReliability(SloService slos, String service, String ownerName, boolean mayEdit) {
        this.slos = slos;
        this.service = service;
        setId("service-slo");
        // a Card, whose title needs the translation first
        addClassName("card");
        H2 title = new H2(getTranslation("service.slo.title"));
        title.addClassName("card-title");
        add(title);
        List<Slo> list = slos.ofService(service);
        if (list.isEmpty()) {
            Paragraph none = new Paragraph(mayEdit ? getTranslation("slo.service.none.owner")
                    : getTranslation("slo.service.none", ownerName));
            none.addClassName("hint");
            none.setId("service-slo-none");
            add(none);
        }
        policyBox.setId("service-slo-policy");
        policyBox.addClassName("slo-policy");
        showPolicy(mayEdit);
        if (!list.isEmpty()) {
            add(policyBox);
        }
        for (Slo slo : list) {
            add(new SloPanel(slo, slos.history(slo), true));
        }
        if (mayEdit) {
            Button add = new Button(getTranslation("slo.add"), VaadinIcon.PLUS.create(),
                    e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(SloEditView.class,
                            new RouteParameters("service", service))));
            add.setId("slo-add");
            Div actions = new Div(add);
            actions.addClassName("slo-actions");
            if (list.isEmpty()) {
                add(policyBox);
            }
            add(actions);
        }
    }

    private void showPolicy(boolean mayEdit) {
        policyBox.removeAll();
        String policy = slos.policy(service).orElse(null);
        Span label = new Span(getTranslation("slo.policy.title"));
        label.addClassName("slo-policy-label");
        policyBox.add(label);
        Paragraph text = new Paragraph(policy != null ? policy : getTranslation("slo.policy.none"));
        text.setId("slo-policy-text");
        text.addClassName(policy != null ? "slo-policy-text" : "missing-text");
        policyBox.add(text);
        if (mayEdit) {
            Button edit = new Button(getTranslation(policy != null ? "slo.policy.edit" : "slo.policy.write"),
                    VaadinIcon.EDIT.create(), e -> editPolicy(policy));
            edit.setId("slo-policy-edit");
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            policyBox.add(edit);
        }
    }

    private void editPolicy(String current) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("slo.policy.title"));
        TextArea text = new TextArea(getTranslation("slo.policy.label"));
        text.setId("slo-policy-input");
        text.setHelperText(getTranslation("slo.policy.helper"));
        text.setPlaceholder(getTranslation("slo.policy.placeholder"));
        text.setMaxLength(SloDraft.POLICY_MAX_LENGTH);
        text.setWidthFull();
        text.setMinHeight("10rem");
        text.setValue(current == null ? "" : current);
        Button save = new Button(getTranslation("slo.policy.save"), e -> {
            try {
                slos.savePolicy(service, text.getValue());
                dialog.close();
                showPolicy(true);
                FormErrors.notifySuccess(getTranslation("slo.policy.saved"));
            } catch (UserFacingException error) {
                text.setInvalid(true);
                text.setErrorMessage(error.messageIn(com.vaadin.flow.component.UI.getCurrent().getLocale()));
            }
        });
        save.setId("slo-policy-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("slo.cancel"), e -> dialog.close());
        dialog.add(text);
        dialog.getFooter().add(cancel, save);
        dialog.setWidth("36rem");
        dialog.open();
    }
}
