package engawa.portal.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import engawa.portal.people.ApiTokenService;
import engawa.portal.people.Authorities;
import engawa.portal.people.SessionRights;
import engawa.portal.people.SingleSignOnAccounts;
import engawa.portal.people.TokenOwner;
import engawa.portal.app.LoginView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

import java.util.Map;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    /**
     * The REST API and actuator: bearer tokens only, no session, no cookies. A browser's session
     * cookie is ignored here, which is what makes CSRF protection unnecessary on this chain.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens, ProblemResponses problems,
            ObjectProvider<SecurityContextHolderStrategy> contexts) throws Exception {
        // Vaadin provides a strategy bean; the filter must use the one this context's filters read
        SecurityContextHolderStrategy strategy = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        // a workflow's answer carries its run's own token; the demo echo workflow is the portal's
                        .requestMatchers(HttpMethod.POST, "/api/v1/runs/*/callback", "/api/v1/recipes/echo").permitAll()
                        // a calendar feed's secret address is its key: calendar programs cannot sign in
                        .requestMatchers(HttpMethod.GET, "/api/v1/calendar/*").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems, strategy), UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response, 401,
                                "Authentication required",
                                "Send an API token as 'Authorization: Bearer <token>'. Create one under 'API tokens' in the portal."))
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response, 403,
                                "Not allowed", "Your account may not do this. Ask an Engawa admin if you need it.")));
        return http.build();
    }

    /**
     * The browser UI: Vaadin's own set-up (CSRF, request cache, view access), form login, optional
     * OIDC; every request acts with its person's current rights, and sign-in is refused from other sites.
     */
    @Bean
    @Order(2)
    SecurityFilterChain uiSecurity(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> clientRegistrations,
            SingleSignOnAccounts singleSignOn, SessionRights rights, ProblemResponses problems,
            ObjectProvider<SecurityContextHolderStrategy> contexts) throws Exception {
        SecurityContextHolderStrategy strategy = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/icons/**", "/images/**", "/styles.css").permitAll());
        http.addFilterAfter(new CurrentRightsFilter(rights, strategy), SecurityContextHolderFilter.class);
        http.addFilterBefore(new SameSiteSignIn(problems), UsernamePasswordAuthenticationFilter.class);
        // Content-Security-Policy, framing, nosniff and referrer: SecurityHeaders, for every answer
        http.headers(headers -> headers.frameOptions(frame -> frame.deny()));
        // an address that is no page (a typo, an old bookmark) reaches the router, which says so in the
        // portal's own words, with a 404 (app.PageStatus); Vaadin's default, deny, gave
        // signed-in people the browser's bare "access denied". Views keep their own checks; the API and actuator have the chain above.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login")
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        if (clientRegistrations.getIfAvailable() != null) {
            http.oauth2Login(oauth -> oauth
                    .loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUserService(singleSignOn))));
        }
        return http.build();
    }

    /** Signs an OIDC user in as their Engawa account, with that account's roles and username. */
    private static OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(SingleSignOnAccounts accounts) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser oidc = delegate.loadUser(request);
            TokenOwner owner = accounts.accountFor(new SingleSignOnAccounts.SignedInPerson(
                    String.valueOf(oidc.getIssuer()), oidc.getSubject(), oidc.getPreferredUsername(),
                    oidc.getFullName(), oidc.getEmail(), Boolean.TRUE.equals(oidc.getEmailVerified())));
            return new DefaultOidcUser(Authorities.of(owner.role()), oidc.getIdToken(), oidc.getUserInfo()) {
                @Override
                public String getName() {
                    return owner.username();
                }
            };
        };
    }

    /** Argon2id for new hashes; the prefix in each stored hash lets us move to a stronger one later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        String argon2 = "argon2";
        return new DelegatingPasswordEncoder(argon2,
                Map.of(argon2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }
}
