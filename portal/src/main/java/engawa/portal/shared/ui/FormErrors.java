package engawa.portal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import engawa.portal.shared.UserFacingException;
import jakarta.validation.ConstraintViolation;
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
            for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
                String path = violation.getPropertyPath().toString();
                HasValidation field = fields.get(path.substring(path.lastIndexOf('.') + 1));
                String text = context.getTranslation(violation.getMessage());
                if (field != null) {
                    field.setErrorMessage(text);
                    field.setInvalid(true);
                } else {
                    notifyError(text);
                }
            }
            return true;
        }
        if (error instanceof UserFacingException refusal) {
            notifyError(refusal.messageIn(com.vaadin.flow.component.UI.getCurrent().getLocale()));
            return true;
        }
        return false;
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
