package engawa.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "engawa", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Services take and return plain records; Vaadin stays in the views. */
    @ArchTest
    static final ArchRule services_do_not_know_vaadin = noClasses()
            .that().resideInAnyPackage("engawa.portal.people..", "engawa.portal.catalog..", "engawa.portal.slo..",
                    "engawa.portal.officehours..", "engawa.portal.recipes..", "engawa.portal.webhooks..")
            .and().resideOutsideOfPackage("..ui..")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..");

    /** Views and controllers call services, never repositories. */
    @ArchTest
    static final ArchRule views_and_controllers_do_not_touch_repositories = noClasses()
            .that().resideInAnyPackage("..ui..", "..api..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("engawa.db..")
                    .and(JavaClass.Predicates.simpleNameEndingWith("Repository")));

    /** The database module knows nothing of the application built on it. */
    @ArchTest
    static final ArchRule db_does_not_depend_on_the_portal = noClasses()
            .that().resideInAPackage("engawa.db..")
            .should().dependOnClassesThat().resideInAPackage("engawa.portal..");
}
