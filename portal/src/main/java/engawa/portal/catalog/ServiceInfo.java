package engawa.portal.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A service as the catalog's events describe it.
 *
 * @param owner as written in forms and files: {@code payments}, or {@code user:kenji}
 * @param ownerTeamId the owning team, for listeners in the portal (null when a person or nobody owns it)
 * @param ownerUserId the owning person, likewise
 */
public record ServiceInfo(String name, String title, String type, String lifecycle, Integer tier, String owner,
        String ownerName, String system, String url, @JsonIgnore Long ownerTeamId, @JsonIgnore Long ownerUserId) {

    static ServiceInfo sample(String lifecycle) {
        return new ServiceInfo("payments-api", "Payments API", "service", lifecycle, 1, "payments", "Payments",
                "checkout", "https://engawa.example.com/services/payments-api", null, null);
    }
}
