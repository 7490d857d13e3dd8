package org.tctracker.account;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.tctracker.system.FormDestinations;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity provider as Spring Security's OAuth2 client sees it, learnt from the issuer's
 * discovery document when it is first needed (a provider that is down at start does not stop
 * the tracker) and learnt again once a day. The discovery request has finite patience: 2 s to
 * connect, 5 s for the answer.
 */
final class ProviderRegistrations implements ClientRegistrationRepository, FormDestinations {

    static final String REGISTRATION_ID = "oidc";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RELEARN_AFTER = Duration.ofDays(1);
    /** After a failed discovery, sign-in attempts are told so at once for this long. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(ProviderRegistrations.class);

    /** Thrown when the provider's discovery document cannot be had. */
    static final class ProviderUnreachableException extends RuntimeException {
        ProviderUnreachableException(String reason) {
            super(reason, null, false, false);
        }
    }

    private final OidcSettings settings;
    private final @Nullable String baseUrl;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final JsonMapper json = JsonMapper.builder().build();

    private volatile @Nullable ClientRegistration known;
    private volatile Instant knownAt = Instant.EPOCH;
    private volatile Instant failedAt = Instant.EPOCH;
    private volatile String failure = "";

    ProviderRegistrations(OidcSettings settings, @Nullable String baseUrl, Clock clock) {
        this.settings = settings;
        this.baseUrl = baseUrl == null || baseUrl.isBlank()
                ? null
                : baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clock = clock;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        if (!settings.enabled() || !REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration current = known;
        Instant now = clock.instant();
        if (current != null && now.isBefore(knownAt.plus(RELEARN_AFTER))) {
            return current;
        }
        if (current == null && now.isBefore(failedAt.plus(RETRY_AFTER))) {
            throw new ProviderUnreachableException(failure);
        }
        synchronized (this) {
            if (known != null && clock.instant().isBefore(knownAt.plus(RELEARN_AFTER))) {
                return known;
            }
            try {
                known = discover();
                knownAt = clock.instant();
                return known;
            } catch (ProviderUnreachableException unreachable) {
                failedAt = clock.instant();
                failure = Objects.requireNonNullElse(unreachable.getMessage(), "");
                log.warn("Identity provider {} not reachable: {}", settings.issuerUri(), failure);
                if (known != null) {
                    return known;
                }
                throw unreachable;
            }
        }
    }

    /**
     * Signing out leads on to the provider (its {@code end_session_endpoint}), so the pages' form
     * policy names the issuer's origin, and the end-session endpoint's once it is known.
     */
    @Override
    public List<String> origins() {
        if (!settings.enabled()) {
            return List.of();
        }
        Set<String> origins = new LinkedHashSet<>();
        origins.add(origin(URI.create(Objects.requireNonNull(settings.issuerUri()))));
        ClientRegistration current = known;
        if (current != null
                && current.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint")
                        instanceof String endSession) {
            try {
                origins.add(origin(URI.create(endSession)));
            } catch (IllegalArgumentException notAnAddress) {
                // Spring Security will not use it either.
            }
        }
        return List.copyOf(origins);
    }

    private static String origin(URI address) {
        return address.getScheme() + "://" + address.getRawAuthority();
    }

    private ClientRegistration discover() {
        String issuer = Objects.requireNonNull(settings.issuerUri());
        URI document = URI.create((issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/openid-configuration");
        Map<String, Object> metadata;
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(document)
                            .timeout(READ_TIMEOUT)
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new ProviderUnreachableException(document + " answered " + answer.statusCode());
            }
            metadata = json.readValue(answer.body(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProviderUnreachableException unreachable) {
                throw unreachable;
            }
            throw new ProviderUnreachableException(
                    document + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnreachableException(document + ": interrupted");
        }
        // OpenID Connect Discovery 1.0, section 4.3: the document speaks for the issuer asked.
        if (!issuer.equals(metadata.get("issuer"))) {
            throw new ProviderUnreachableException(document + " names another issuer (" + metadata.get("issuer") + ")");
        }
        try {
            return ClientRegistrations.fromOidcConfiguration(metadata)
                    .registrationId(REGISTRATION_ID)
                    .clientId(Objects.requireNonNull(settings.clientId()))
                    .clientSecret(Objects.requireNonNull(settings.clientSecret()))
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .scope("openid", "profile", "email")
                    .redirectUri(
                            baseUrl == null
                                    ? "{baseUrl}/login/oauth2/code/{registrationId}"
                                    : baseUrl + "/login/oauth2/code/" + REGISTRATION_ID)
                    .clientName(settings.providerName())
                    .clientSettings(ClientRegistration.ClientSettings.builder()
                            .requireProofKey(true)
                            .build())
                    .build();
        } catch (RuntimeException e) {
            throw new ProviderUnreachableException(
                    document + " is not a usable discovery document (" + e.getMessage() + ")");
        }
    }
}
