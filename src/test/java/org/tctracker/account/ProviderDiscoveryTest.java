package org.tctracker.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.tctracker.account.ProviderRegistrations.ProviderUnreachableException;
import org.tctracker.support.SourceServer;
import org.tctracker.support.SourceServer.Answer;

/** Learning the provider from its discovery document, and what happens when that fails. */
class ProviderDiscoveryTest {

    static OidcSettings settings(String issuer) {
        return new OidcSettings(issuer, "tc-tracker", "secret", null, null);
    }

    static String document(String issuer) {
        return """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","userinfo_endpoint":"%1$s/userinfo","end_session_endpoint":"%1$s/logout",
                 "response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic"],
                 "a_field_this_tracker_does_not_know":{"nested":[1,2,3]}}
                """.formatted(issuer);
    }

    @Test
    void theDiscoveryDocumentGivesTheEndpointsAndIsReadOnce() {
        try (SourceServer server = new SourceServer()) {
            server.answer("/.well-known/openid-configuration", Answer.json(document(server.base())));
            ProviderRegistrations registrations =
                    new ProviderRegistrations(settings(server.base()), "https://tc.example.org/", Clock.systemUTC());

            ClientRegistration registration = registrations.findByRegistrationId("oidc");
            registrations.findByRegistrationId("oidc");

            assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(server.base() + "/token");
            assertThat(registration.getProviderDetails().getConfigurationMetadata())
                    .containsEntry("end_session_endpoint", server.base() + "/logout");
            assertThat(registration.getScopes()).containsExactlyInAnyOrder("openid", "profile", "email");
            assertThat(registration.getClientSettings().isRequireProofKey()).isTrue();
            // Behind a load balancer every instance sends the provider the same public address.
            assertThat(registration.getRedirectUri()).isEqualTo("https://tc.example.org/login/oauth2/code/oidc");
            assertThat(server.requestsFor("/.well-known/openid-configuration")).isEqualTo(1);
            assertThat(registrations.findByRegistrationId("another")).isNull();
        }
    }

    @Test
    void aDocumentNamingAnotherIssuerIsNotBelieved() {
        try (SourceServer server = new SourceServer()) {
            server.answer("/.well-known/openid-configuration", Answer.json(document("https://impostor.example.org")));
            ProviderRegistrations registrations =
                    new ProviderRegistrations(settings(server.base()), "", Clock.systemUTC());

            assertThatThrownBy(() -> registrations.findByRegistrationId("oidc"))
                    .isInstanceOf(ProviderUnreachableException.class)
                    .hasMessageContaining("names another issuer");
        }
    }

    @Test
    void aProviderThatIsDownIsToldAndNotAskedAgainForTenSeconds() {
        try (SourceServer server = new SourceServer()) {
            server.answer("/.well-known/openid-configuration", Answer.status(503));
            ProviderRegistrations registrations =
                    new ProviderRegistrations(settings(server.base()), "", Clock.systemUTC());

            assertThatThrownBy(() -> registrations.findByRegistrationId("oidc"))
                    .isInstanceOf(ProviderUnreachableException.class)
                    .hasMessageContaining("answered 503");
            assertThatThrownBy(() -> registrations.findByRegistrationId("oidc"))
                    .isInstanceOf(ProviderUnreachableException.class);
            assertThat(server.requestsFor("/.well-known/openid-configuration")).isEqualTo(1);
        }
    }

    @Test
    void aProviderThatDoesNotAnswerIsGivenUpOnAfterFiveSeconds() {
        try (SourceServer server = new SourceServer()) {
            server.answer(
                    "/.well-known/openid-configuration",
                    Answer.json(document(server.base())).after(Duration.ofSeconds(30)));
            ProviderRegistrations registrations =
                    new ProviderRegistrations(settings(server.base()), "", Clock.systemUTC());
            long started = System.nanoTime();

            assertThatThrownBy(() -> registrations.findByRegistrationId("oidc"))
                    .isInstanceOf(ProviderUnreachableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void settingsNeedAllThreeAndASensibleAdminClaim() {
        assertThatThrownBy(() -> new OidcSettings("https://id.example.org", null, null, null, null))
                .hasMessageContaining("needs all three");
        assertThatThrownBy(() -> new OidcSettings("id.example.org", "c", "s", null, null))
                .hasMessageContaining("http or https address");
        assertThatThrownBy(() -> new OidcSettings("https://id.example.org", "c", "s", null, "tc-chair"))
                .hasMessageContaining("such as groups=tc-chair");
        assertThat(new OidcSettings(" ", "", null, null, null).enabled()).isFalse();
        assertThat(new OidcSettings("https://id.example.org", "c", "s", null, null).providerName())
                .isEqualTo("id.example.org");
        OidcSettings chairs = new OidcSettings("https://id.example.org", "c", "s", null, "groups=tc-chair");
        assertThat(chairs.grantsAdmin(java.util.Map.of("groups", java.util.List.of("tc", "tc-chair"))))
                .contains(true);
        assertThat(chairs.grantsAdmin(java.util.Map.of("groups", "tc-chair"))).contains(true);
        assertThat(chairs.grantsAdmin(java.util.Map.of("groups", java.util.List.of("tc"))))
                .contains(false);
        assertThat(new OidcSettings("https://id.example.org", "c", "s", null, null).grantsAdmin(java.util.Map.of()))
                .isEmpty();
    }
}
