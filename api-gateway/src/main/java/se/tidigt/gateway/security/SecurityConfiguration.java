package se.tidigt.gateway.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import se.tidigt.gateway.database.DeploymentMode;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import se.tidigt.gateway.problem.ProblemResponses;
import se.tidigt.rollout.api.District;
import se.tidigt.rollout.api.DistrictCatalogue;

import java.time.LocalDate;
import java.util.List;

/**
 * Every request under /api is authenticated. Identity comes from the demo users (HTTP Basic) when
 * they are on; production identity (OIDC/JWT with role and district claims) will plug in as another
 * source of {@link Actor}s. Without either, every API request is refused with 401.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems,
                            ObjectProvider<AuthenticationManager> demoAuthentication) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthorized));
        demoAuthentication.ifAvailable(http::authenticationManager);
        return http.build();
    }

    @Bean
    @Conditional(DeploymentMode.DemoUsers.class)
    DemoUsers demoUsers(DistrictCatalogue districts, @Value("${tidigt.demo-password}") String password) {
        List<String> today = districts.validOn(LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"))).stream()
                .map(District::code).toList();
        return new DemoUsers(today, password, new BCryptPasswordEncoder());
    }

    @Bean
    @Conditional(DeploymentMode.DemoUsers.class)
    AuthenticationManager demoAuthenticationManager(DemoUsers users) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(new BCryptPasswordEncoder());
        return new ProviderManager(new VerifiedCredentialsCache(bcrypt));
    }
}
