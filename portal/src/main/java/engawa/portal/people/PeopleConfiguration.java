package engawa.portal.people;

import engawa.db.people.ApiTokenLookup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The plain-SQL parts of people from {@code db}. */
@Configuration(proxyBeanMethods = false)
class PeopleConfiguration {

    @Bean
    ApiTokenLookup apiTokenLookup(JdbcTemplate jdbc) {
        return new ApiTokenLookup(jdbc);
    }
}
