package engawa.portal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import engawa.portal.shared.EmbeddedDatabaseEarlyStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

// the db module's stores (@Repository) are found by the same scan as the portal's beans
@SpringBootApplication(scanBasePackages = {"engawa.portal", "engawa.db"})
@ConfigurationPropertiesScan
// The db module's repositories are found by Spring Boot's own repository set-up (not an
// @EnableJpaRepositories of ours, which would silently switch it off), so that
// spring.data.jpa.repositories.bootstrap-mode=deferred holds: Hibernate starts on a second thread and
// the web server does not wait for it.
@AutoConfigurationPackage(basePackages = {"engawa.portal", "engawa.db"})
@EntityScan("engawa.db")
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
// run pages move by themselves: Queued, Sent, Succeeded (see RunPushes). The server pushes over a
// WebSocket; what the browser sends goes as ordinary requests, each checked against the person's
// current rights by the security filters (messages inside a WebSocket pass no filter).
@Push(transport = com.vaadin.flow.shared.ui.Transport.WEBSOCKET_XHR)
public class EngawaApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(EngawaApplication.class);
        application.addListeners(new EmbeddedDatabaseEarlyStart());
        application.run(args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Engawa");
        settings.addFavIcon("icon", "icons/engawa.svg", "any");
        // the browser's time zone travels with Vaadin's first request, so the first view shows it
        settings.addInlineWithContents(com.vaadin.flow.component.page.Inline.Position.PREPEND,
                "try { document.cookie = '" + engawa.portal.shared.ui.Formats.ZONE_COOKIE + "=' + encodeURIComponent("
                        + "Intl.DateTimeFormat().resolvedOptions().timeZone) + '; path=/; SameSite=Lax'; } catch (e) { }",
                com.vaadin.flow.component.page.Inline.Wrapping.JAVASCRIPT);
    }
}
