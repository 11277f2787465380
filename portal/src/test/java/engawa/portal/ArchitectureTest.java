package engawa.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * Rules Spring Modulith cannot see ({@link ModularityTest} checks the portal's own modules): the
 * {@code db} module is split by the same feature names, and each feature reaches only its own part.
 */
@AnalyzeClasses(packages = "engawa", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final Set<String> FEATURES = Set.of("people", "catalog", "slo", "officehours", "recipes", "webhooks",
            "notifications");

    /** Services take and return plain records; Vaadin stays in the views. */
    @ArchTest
    static final ArchRule services_do_not_know_vaadin = noClasses()
            .that().resideInAnyPackage(FEATURES.stream().map(f -> "engawa.portal." + f + "..").toArray(String[]::new))
            .and().resideOutsideOfPackage("..ui..")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..");

    /**
     * A feature reads and writes only its own tables: {@code engawa.portal.recipes} may use
     * {@code engawa.db.recipes}, never {@code engawa.db.people}; it asks people's API instead.
     */
    @ArchTest
    static final ArchRule a_feature_uses_only_its_own_part_of_the_database_module = classes()
            .that().resideInAPackage("engawa.portal..")
            .should(useOnlyTheirOwnDatabasePackage());

    /**
     * Views and controllers call their feature's services. They may show the plain records and
     * enums those return, but never reach a store, a repository or a JPA entity themselves.
     */
    @ArchTest
    static final ArchRule views_and_controllers_never_touch_the_database = noClasses()
            .that().resideInAnyPackage("engawa.portal..ui..", "engawa.portal..api..")
            .should().dependOnClassesThat(new DescribedPredicate<JavaClass>("read or write the database") {
                @Override
                public boolean test(JavaClass target) {
                    return target.getPackageName().startsWith("engawa.db.") && !target.isRecord() && !target.isEnum();
                }
            });

    /** The database module knows nothing of the application built on it. */
    @ArchTest
    static final ArchRule db_does_not_depend_on_the_portal = noClasses()
            .that().resideInAPackage("engawa.db..")
            .should().dependOnClassesThat().resideInAPackage("engawa.portal..");

    private static ArchCondition<JavaClass> useOnlyTheirOwnDatabasePackage() {
        return new ArchCondition<>("use only the engawa.db package of their own feature") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = segment(origin.getPackageName(), "engawa.portal.");
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    if (!target.startsWith("engawa.db.")) {
                        continue;
                    }
                    String to = segment(target, "engawa.db.");
                    boolean allowed = to.equals(from) || to.equals("shared")
                            // the application's own start-up runs the embedded PostgreSQL
                            || from.equals("shared") && to.equals("embedded");
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + ": " + from + " uses the database part of " + to + "; ask " + to + "'s API instead"));
                    }
                }
            }
        };
    }

    /** {@code engawa.portal.recipes.ui} with prefix {@code engawa.portal.} gives {@code recipes}. */
    private static String segment(String packageName, String prefix) {
        if (!packageName.startsWith(prefix)) {
            return "";
        }
        String rest = packageName.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
