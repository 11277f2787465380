package engawa.portal.slo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;

/** The parts every SLO event carries: which service and which SLO, with its figures at the time. */
public final class SloEventParts {

    private SloEventParts() {
    }

    /**
     * @param owner the owning team's short name, or {@code user:<name>}
     * @param serviceId the catalog's id, for listeners in the portal
     */
    public record ServiceOfSlo(String name, String owner, String url, @JsonIgnore long serviceId) {

        static ServiceOfSlo sample() {
            return new ServiceOfSlo("payments-api", "payments", "https://engawa.example.com/services/payments-api", 0);
        }
    }

    /**
     * @param window {@code 28d}, {@code 30d} or {@code month}
     * @param budgetRemainingPercent null while the window holds no data
     * @param state {@code healthy}, {@code at-risk}, {@code burning-fast}, {@code spent} or {@code no-data}
     */
    public record SloFigures(String id, String name, String title, BigDecimal objectivePercent, String window,
            BigDecimal budgetRemainingPercent, String state, String url) {

        static SloFigures sample(String remaining, String state) {
            return new SloFigures("12", "checkout-availability", "Checkout availability", new BigDecimal("99.9"), "28d",
                    new BigDecimal(remaining), state, "https://engawa.example.com/slos/12");
        }
    }
}
