package se.tidigt.gateway.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import java.time.Duration;
import java.util.List;

/**
 * What a bearer token must carry beyond a valid signature and issuer, added to the validators of Spring
 * Boot's decoder (which also checks the audience when
 * {@code spring.security.oauth2.resourceserver.jwt.audiences} is set): a user ({@code preferred_username}
 * or {@code sub}), whom every write and read is recorded for; an expiry ({@code exp}), since a token
 * without one would be valid for ever; and a small clock skew for {@code exp}, {@code nbf} and {@code iat}
 * ({@code tidigt.security.token-clock-skew}, 30 s by default; Spring's own check allows 60 s, the smaller
 * holds). A token that breaks any of them is 401 before anything is read or written.
 */
@Configuration(proxyBeanMethods = false)
class TokenRules {

    @Bean
    OAuth2TokenValidator<Jwt> tidigtTokenRules(@Value("${tidigt.security.token-clock-skew:30s}") Duration clockSkew) {
        return new DelegatingOAuth2TokenValidator<>(List.of(TokenRules::namesAUser, TokenRules::expires,
                new JwtTimestampValidator(clockSkew)));
    }

    static OAuth2TokenValidatorResult namesAUser(Jwt token) {
        return nonBlank(token.getClaimAsString("preferred_username")) || nonBlank(token.getSubject())
                ? OAuth2TokenValidatorResult.success()
                : refused("The token names no user (preferred_username or sub)");
    }

    static OAuth2TokenValidatorResult expires(Jwt token) {
        return token.getExpiresAt() != null ? OAuth2TokenValidatorResult.success() : refused("The token has no expiry (exp)");
    }

    private static boolean nonBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static OAuth2TokenValidatorResult refused(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
