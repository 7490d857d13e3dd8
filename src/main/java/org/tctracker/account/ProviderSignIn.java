package org.tctracker.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.converter.ClaimTypeConverter;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.tctracker.account.ProviderRegistrations.ProviderUnreachableException;

/**
 * Signing in through the identity provider, with Spring Security's OAuth2 client doing the
 * protocol (PKCE, state, nonce, the ID token's signature, issuer, audience and times). What is
 * the tracker's own: every call to the provider gives up after 2 s to connect and 5 s to answer;
 * the provider's person becomes an account here ({@link AccountService#signInFromProvider}); a
 * refused sign-in is told in words on the sign-in page.
 */
final class ProviderSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The error code of a sign-in refused because the account is disabled here. */
    static final String DISABLED = "account_disabled";

    private static final Logger log = LoggerFactory.getLogger(ProviderSignIn.class);

    private final AccountService accounts;
    private final OidcSettings settings;
    private final OidcUserService users = new OidcUserService();
    private final SimpleClientHttpRequestFactory http;
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    ProviderSignIn(AccountService accounts, OidcSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
        this.http = new SimpleClientHttpRequestFactory();
        this.http.setConnectTimeout(ProviderRegistrations.CONNECT_TIMEOUT);
        this.http.setReadTimeout(ProviderRegistrations.READ_TIMEOUT);
        DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
        RestTemplate rest = new RestTemplate(http);
        rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        userInfo.setRestOperations(rest);
        users.setOauth2UserService(userInfo);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = users.loadUser(request);
        ProviderIdentity identity = ProviderIdentity.of(user);
        Account account;
        try {
            account = signIn(identity);
        } catch (DataIntegrityViolationException sameMomentElsewhere) {
            // The same person's first sign-in in another tab made the account a moment ago.
            account = signIn(identity);
        }
        return new ProviderUser(
                account,
                user.getIdToken(),
                user.getUserInfo(),
                request.getClientRegistration().getRegistrationId());
    }

    private Account signIn(ProviderIdentity identity) {
        try {
            return accounts.signInFromProvider(identity, settings);
        } catch (AccountChangeRefusedException refused) {
            throw new OAuth2AuthenticationException(new OAuth2Error(DISABLED, refused.getMessage(), null));
        }
    }

    /**
     * Spring Security's check of the provider's answer: the code exchanged for tokens, the ID
     * token verified (signature, issuer, audience, times, nonce), then this class's account.
     */
    AuthenticationProvider codes() {
        OidcAuthorizationCodeAuthenticationProvider codes =
                new OidcAuthorizationCodeAuthenticationProvider(tokens(), this);
        codes.setJwtDecoderFactory(idTokens());
        return codes;
    }

    /** Asks the token endpoint for the tokens, with the same patience as every other call. */
    private OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokens() {
        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        tokens.setRestClient(RestClient.builder()
                .requestFactory(http)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        return tokens;
    }

    /**
     * Checks ID tokens as {@link OidcIdTokenDecoderFactory} does (RS256 against the provider's
     * keys, issuer, audience, times), fetching the keys with finite timeouts.
     */
    private JwtDecoderFactory<ClientRegistration> idTokens() {
        return registration -> decoders.computeIfAbsent(
                registration.getRegistrationId() + " "
                        + registration.getProviderDetails().getJwkSetUri(),
                key -> {
                    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                                    registration.getProviderDetails().getJwkSetUri())
                            .jwsAlgorithm(SignatureAlgorithm.RS256)
                            .restOperations(new RestTemplate(http))
                            .build();
                    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                            new JwtTimestampValidator(), new OidcIdTokenValidator(registration)));
                    decoder.setClaimSetConverter(
                            new ClaimTypeConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverters()));
                    return decoder;
                });
    }

    /** What the sign-in page says when signing in through the provider did not work. */
    LoginFailure failure(HttpServletRequest request, Exception exception) {
        String provider = settings.providerName();
        Throwable cause = exception;
        while (cause != null && !(cause instanceof ProviderUnreachableException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            return new LoginFailure(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    provider + " cannot be reached just now. Try again in a minute, or sign in with a password"
                            + " if you have one.");
        }
        String code = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode()
                : "unknown";
        log.info(
                "Sign-in through {} refused from {}: {} {}",
                provider,
                request.getRemoteAddr(),
                code,
                exception instanceof AuthenticationException ? exception.getMessage() : "");
        String message = switch (code) {
            case DISABLED -> "This account is disabled. Ask an admin if you think it should not be.";
            case "authorization_request_not_found", "invalid_state_parameter", "client_registration_not_found" ->
                "That sign-in had expired or did not start on this site. Start again with the button below.";
            case "access_denied" -> "The sign-in at " + provider + " was cancelled.";
            case "invalid_id_token", "invalid_nonce" ->
                provider + " answered with a sign-in that could not be verified, so you are not signed in."
                        + " Try again; if it happens again, tell an admin.";
            case "invalid_token_response", "invalid_grant" ->
                provider + " did not confirm the sign-in (its code may have been used already)."
                        + " Start again with the button below.";
            default -> "Signing in through " + provider + " did not work. Start again with the button below.";
        };
        return new LoginFailure(HttpStatus.UNAUTHORIZED, message);
    }
}
