package engawa.portal.people;

import engawa.db.people.ApiTokenLookup;
import engawa.db.people.PeopleBatch;
import engawa.db.people.TeamTree;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The plain-SQL parts of people from {@code db}. */
@Configuration(proxyBeanMethods = false)
class PeopleConfiguration {

    @Bean
    ApiTokenLookup apiTokenLookup(JdbcTemplate jdbc) {
        return new ApiTokenLookup(jdbc);
    }

    @Bean
    PeopleBatch peopleBatch(JdbcTemplate jdbc) {
        return new PeopleBatch(jdbc);
    }

    @Bean
    TeamTree teamTree(JdbcTemplate jdbc) {
        return new TeamTree(JdbcClient.create(jdbc));
    }
}
