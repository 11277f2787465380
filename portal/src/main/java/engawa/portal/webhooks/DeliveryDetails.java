package engawa.portal.webhooks;

import engawa.db.webhooks.AttemptRow;
import engawa.db.webhooks.DeliveryRow;
import java.util.List;

/** A delivery and every attempt of it, oldest first. */
public record DeliveryDetails(DeliveryRow delivery, List<AttemptRow> attempts) {
}
