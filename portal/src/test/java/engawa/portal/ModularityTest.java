package engawa.portal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature boundaries, checked by Spring Modulith: every direct sub-package of
 * {@code engawa.portal} is a module whose base package is its API; its sub-packages ({@code ui},
 * {@code api}, ...) are its own unless it names them as an interface. No cycles between modules.
 * The rules for the {@code db} module's packages are in {@link ArchitectureTest}.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(EngawaApplication.class);

    @Test
    void features_use_each_other_only_through_what_they_offer_and_depend_on_each_other_in_one_direction() {
        MODULES.verify();
    }
}
