package org.tctracker.account;

import static org.assertj.core.api.Assertions.assertThat;

import identityprovider.IdentityProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.WebClient;

/** With {@code tracker.oidc.admin-claim} set, the provider's claim decides who is an admin. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
class ProviderAdminClaimTest {

    static final IdentityProvider.Running provider = IdentityProvider.start();

    @DynamicPropertySource
    static void theProvider(DynamicPropertyRegistry registry) {
        provider.register(registry);
        registry.add("tracker.oidc.admin-claim", () -> "groups=tc-chair");
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    OidcSettings settings;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void registered() {
        provider.allow("http://localhost:" + port);
    }

    @Test
    void theClaimMakesTheChairAnAdminAndNobodyElse() throws Exception {
        WebClient chair = new WebClient(port);
        new ProviderJourney().signIn(chair, "thechair");
        WebClient sam = new WebClient(port);
        new ProviderJourney().signIn(sam, "sam");

        assertThat(chair.get("/admin/users").statusCode()).isEqualTo(200);
        assertThat(sam.get("/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void losingTheClaimTakesTheRoleAwayUnlessItIsTheLastAdmin() {
        ProviderIdentity withClaim = identity("former-chair", List.of("tc-chair"));
        ProviderIdentity without = identity("former-chair", List.of());
        assertThat(accounts.signInFromProvider(withClaim, settings).getRole()).isEqualTo(Role.ADMIN);

        // The first admin made at start still holds the role, so this one may lose it.
        assertThat(accounts.signInFromProvider(without, settings).getRole()).isEqualTo(Role.EDITOR);

        jdbc.update("update account set enabled = false where provider_subject is null and role = 'ADMIN'");
        jdbc.update("update account set enabled = false where provider_subject = 'thechair'");
        try {
            accounts.signInFromProvider(withClaim, settings);
            assertThat(accounts.signInFromProvider(without, settings).getRole())
                    .as("the last enabled admin keeps the role")
                    .isEqualTo(Role.ADMIN);
        } finally {
            jdbc.update("update account set enabled = true");
        }
    }

    private ProviderIdentity identity(String subject, List<String> groups) {
        return new ProviderIdentity(
                provider.issuer(), subject, null, false, "Former Chair", subject, Map.of("groups", groups));
    }
}
