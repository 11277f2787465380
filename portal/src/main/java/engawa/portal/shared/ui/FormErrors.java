package engawa.portal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import engawa.portal.shared.FieldPaths;
import engawa.portal.shared.Validation;
import engawa.portal.shared.UserFacingException;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;

/**
 * Shows the service layer's refusals where the person looks: a broken rule under its field, a
 * conflict (a taken name, say) as a message. Validation lives once, in the service records.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /** @return whether the error was shown (it was one we know how to explain) */
    public static boolean show(Component context, RuntimeException error, Map<String, ? extends HasValidation> fields) {
        clear(fields);
        if (error instanceof ConstraintViolationException violations) {
            java.util.Locale locale = com.vaadin.flow.component.UI.getCurrent().getLocale();
            Validation.problems(violations.getConstraintViolations()).forEach(p -> showUnder(p.field(), p.messageIn(locale), fields));
            focusFirstInvalid(fields);
            return true;
        }
        if (error instanceof UserFacingException refusal) {
            java.util.Locale locale = com.vaadin.flow.component.UI.getCurrent().getLocale();
            if (refusal.fieldProblems().isEmpty()) {
                notifyError(refusal.messageIn(locale));
            }
            refusal.fieldProblems().forEach(p -> showUnder(p.field(), p.messageIn(locale), fields));
            focusFirstInvalid(fields);
            return true;
        }
        return false;
    }

    /** Keyboard and screen reader users land where the first thing to fix is. */
    public static void focusFirstInvalid(Map<String, ? extends HasValidation> fields) {
        fields.values().stream().filter(HasValidation::isInvalid).filter(f -> f instanceof com.vaadin.flow.component.Focusable<?>)
                .findFirst().ifPresent(f -> ((com.vaadin.flow.component.Focusable<?>) f).focus());
    }

    /** Under the field it is about; as a message when the form has no such field. */
    public static void showUnder(String path, String text, Map<String, ? extends HasValidation> fields) {
        HasValidation field = FieldPaths.candidates(path).stream().map(fields::get).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        if (field == null) {
            notifyError(text);
        } else if (!field.isInvalid()) {
            // the first problem of a field is the one to fix first
            field.setErrorMessage(text);
            field.setInvalid(true);
        }
    }

    public static void notifyError(String text) {
        Notification notification = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void notifySuccess(String text) {
        Notification notification = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
