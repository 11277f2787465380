package engawa.portal.catalog;

import engawa.db.catalog.CatalogEntities;
import engawa.db.catalog.CatalogPending;
import engawa.db.catalog.CatalogRelations;
import engawa.db.catalog.CatalogServices;
import engawa.db.catalog.Scorecards;
import engawa.db.catalog.ServiceChanges;
import engawa.db.catalog.ServiceSlos;
import engawa.db.catalog.TeamLinkDefaults;
import engawa.db.catalog.CatalogPeople;
import engawa.portal.webhooks.EventType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The catalog's plain-SQL parts from {@code db}. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    EventType serviceCreatedEvents() {
        return ServiceCreated.TYPE;
    }

    @Bean
    EventType serviceUpdatedEvents() {
        return ServiceUpdated.TYPE;
    }

    @Bean
    Scorecards scorecards(JdbcTemplate jdbc) {
        return new Scorecards(jdbc);
    }

    @Bean
    CatalogServices catalogServices(JdbcTemplate jdbc) {
        return new CatalogServices(jdbc);
    }

    @Bean
    CatalogRelations catalogRelations(JdbcTemplate jdbc) {
        return new CatalogRelations(jdbc);
    }

    @Bean
    CatalogEntities catalogEntities(JdbcTemplate jdbc) {
        return new CatalogEntities(jdbc);
    }

    @Bean
    CatalogPending catalogPending(JdbcTemplate jdbc) {
        return new CatalogPending(jdbc);
    }

    @Bean
    ServiceChanges serviceChanges(JdbcTemplate jdbc) {
        return new ServiceChanges(jdbc);
    }

    @Bean
    TeamLinkDefaults teamLinkDefaults(JdbcTemplate jdbc) {
        return new TeamLinkDefaults(jdbc);
    }

    @Bean
    ServiceSlos serviceSlos(JdbcTemplate jdbc) {
        return new ServiceSlos(jdbc);
    }

    @Bean
    CatalogPeople catalogPeople(JdbcTemplate jdbc) {
        return new CatalogPeople(jdbc);
    }
}
