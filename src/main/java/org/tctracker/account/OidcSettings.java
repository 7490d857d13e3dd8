package org.tctracker.account;

import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signing in through the community's identity provider ({@code tracker.oidc.*}). Off until the
 * issuer, the client id and the client secret are all set; everything else the tracker learns
 * from the issuer's {@code /.well-known/openid-configuration}.
 *
 * @param issuerUri the provider's issuer, such as https://id.example.org
 * @param clientId the id the provider gave this tracker
 * @param clientSecret the secret that goes with it
 * @param name what the sign-in button calls the provider; the issuer's host name if unset
 * @param adminClaim a claim and a value, such as {@code groups=tc-chair}, that make an account an
 *     admin at each sign-in (and its absence takes the role away); unset, the provider never
 *     decides who is an admin
 */
@ConfigurationProperties("tracker.oidc")
public record OidcSettings(
        @Nullable String issuerUri,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Nullable String name,
        @Nullable String adminClaim) {

    public OidcSettings {
        issuerUri = blankAsNull(issuerUri);
        clientId = blankAsNull(clientId);
        clientSecret = blankAsNull(clientSecret);
        name = blankAsNull(name);
        adminClaim = blankAsNull(adminClaim);
        int set = (issuerUri == null ? 0 : 1) + (clientId == null ? 0 : 1) + (clientSecret == null ? 0 : 1);
        if (set != 0 && set != 3) {
            throw new IllegalArgumentException("Signing in through an identity provider needs all three of"
                    + " tracker.oidc.issuer-uri, tracker.oidc.client-id and tracker.oidc.client-secret.");
        }
        if (issuerUri != null) {
            URI issuer = URI.create(issuerUri);
            if (!("https".equals(issuer.getScheme()) || "http".equals(issuer.getScheme()))
                    || issuer.getHost() == null) {
                throw new IllegalArgumentException(
                        "tracker.oidc.issuer-uri must be an http or https address, such as https://id.example.org");
            }
        }
        if (adminClaim != null && !adminClaim.matches("[^=\\s]+=[^=]+")) {
            throw new IllegalArgumentException(
                    "tracker.oidc.admin-claim is a claim and a value, such as groups=tc-chair (not \"" + adminClaim
                            + "\")");
        }
    }

    public boolean enabled() {
        return issuerUri != null;
    }

    /** The provider's name for people: "Sign in with …". */
    public String providerName() {
        if (name != null) {
            return name;
        }
        return issuerUri == null
                ? "the identity provider"
                : URI.create(issuerUri).getHost();
    }

    /**
     * Whether these claims carry the configured admin claim: the claim equals the value, or is a
     * list holding it. Empty when no admin claim is configured.
     */
    Optional<Boolean> grantsAdmin(Map<String, Object> claims) {
        if (adminClaim == null) {
            return Optional.empty();
        }
        int equals = adminClaim.indexOf('=');
        String claim = adminClaim.substring(0, equals).strip();
        String value = adminClaim.substring(equals + 1).strip();
        Object held = claims.get(claim);
        boolean grants = held instanceof Collection<?> values
                ? values.stream().anyMatch(v -> value.equals(String.valueOf(v)))
                : held != null && value.equals(String.valueOf(held));
        return Optional.of(grants);
    }

    private static @Nullable String blankAsNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
