package identityprovider;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID provider for the tests: Spring Authorization Server on a port of its own, with one
 * registered client (the tracker) and the members below. It is its own application, outside the
 * tracker's packages, with none of the tracker's database or settings.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
        excludeName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
            "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration",
            "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
            "org.springframework.boot.mail.autoconfigure.MailSenderValidatorAutoConfiguration",
            "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
            "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
            "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration",
            "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration",
            "org.springframework.modulith.core.config.ApplicationModuleInitializerRuntimeVerification",
        })
public class IdentityProvider {

    public static final String CLIENT_ID = "tc-tracker";
    public static final String CLIENT_SECRET = "a secret the tests share with the provider";
    public static final String PASSWORD = "provider password";

    /** What is odd about the ID tokens a member gets, for the tests of what the tracker refuses. */
    public enum Trick {
        NONE,
        WRONG_AUDIENCE,
        WRONG_NONCE
    }

    /** Someone with an identity at the provider. */
    public record Member(
            String username, String name, String email, boolean emailVerified, List<String> groups, Trick trick) {}

    /** Robert Collins's email is set on his Mitaka person by the tests; Sam's is not verified. */
    public static final List<Member> MEMBERS = List.of(
            new Member("rcollins", "Robert Collins", "rbtcollins@example.org", true, List.of(), Trick.NONE),
            new Member("sam", "Sam Newcomer", "sam@example.org", false, List.of(), Trick.NONE),
            new Member("thechair", "Tess Chair", "chair@example.org", true, List.of("tc-chair"), Trick.NONE),
            new Member("mallory-aud", "Mallory Aud", "aud@example.org", true, List.of(), Trick.WRONG_AUDIENCE),
            new Member("mallory-nonce", "Mallory Nonce", "nonce@example.org", true, List.of(), Trick.WRONG_NONCE));

    private static final Map<String, Member> BY_USERNAME =
            MEMBERS.stream().collect(Collectors.toMap(Member::username, Function.identity()));

    /** A running provider; {@link #allow} registers where the tracker under test is. */
    public record Running(ConfigurableApplicationContext context, String issuer, Client client)
            implements AutoCloseable {

        /** Points the tracker under test at this provider, as its settings would. */
        public void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
            registry.add("tracker.oidc.issuer-uri", this::issuer);
            registry.add("tracker.oidc.client-id", () -> CLIENT_ID);
            registry.add("tracker.oidc.client-secret", () -> CLIENT_SECRET);
            registry.add("tracker.oidc.name", () -> "OpenInfra ID");
        }

        public void allow(String trackerBase) {
            client.allow(trackerBase);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** Starts a provider on a free port of 127.0.0.1, its issuer http://127.0.0.1:PORT. */
    public static Running start() {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(IdentityProvider.class)
                .properties(
                        "spring.config.location=optional:classpath:/identityprovider/none.properties",
                        "server.port=0",
                        "server.address=127.0.0.1",
                        "spring.main.banner-mode=off",
                        "server.servlet.session.cookie.name=PROVIDER_SESSION",
                        "management.endpoints.access.default=none",
                        "spring.jmx.enabled=false");
        // The tests' logging stays as the tracker set it up.
        builder.application()
                .setListeners(builder.application().getListeners().stream()
                        .filter(listener -> !(listener instanceof LoggingApplicationListener))
                        .map(listener -> (ApplicationListener<?>) listener)
                        .toList());
        ConfigurableApplicationContext context = builder.run();
        String port = context.getEnvironment().getProperty("local.server.port");
        return new Running(context, "http://127.0.0.1:" + port, context.getBean(Client.class));
    }

    /** The one registered client, whose addresses the test sets once the tracker has a port. */
    public static final class Client implements RegisteredClientRepository {

        private final AtomicReference<RegisteredClient> client = new AtomicReference<>(build(List.of()));

        void allow(String trackerBase) {
            if (!client.get().getRedirectUris().contains(trackerBase + "/login/oauth2/code/oidc")) {
                client.set(build(List.of(trackerBase)));
            }
        }

        private static RegisteredClient build(List<String> trackerBases) {
            RegisteredClient.Builder builder = RegisteredClient.withId("tracker")
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder()
                            .requireAuthorizationConsent(false)
                            .requireProofKey(true)
                            .build());
            builder.redirectUri("http://127.0.0.1/unused");
            for (String base : trackerBases) {
                builder.redirectUri(base + "/login/oauth2/code/oidc");
                builder.postLogoutRedirectUri(base + "/login?signed-out");
            }
            return builder.build();
        }

        @Override
        public void save(RegisteredClient registeredClient) {
            // The server saves the client again when it upgrades how the secret is stored.
            client.set(registeredClient);
        }

        @Override
        public RegisteredClient findById(String id) {
            return client.get().getId().equals(id) ? client.get() : null;
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            return client.get().getClientId().equals(clientId) ? client.get() : null;
        }
    }

    @Bean
    Client registeredClients() {
        return new Client();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // Bearer tokens for the userinfo endpoint.
                .oauth2ResourceServer(resources -> resources.jwt(Customizer.withDefaults()))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService members() {
        return new InMemoryUserDetailsManager(MEMBERS.stream()
                .map(member -> User.withUsername(member.username())
                        .password("{noop}" + PASSWORD)
                        .roles("MEMBER")
                        .build())
                .toList());
    }

    /** The claims of each member's ID token, and the tricks. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
        return context -> {
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                return;
            }
            Member member = BY_USERNAME.get(context.getPrincipal().getName());
            if (member == null) {
                return;
            }
            context.getClaims()
                    .claim("name", member.name())
                    .claim("preferred_username", member.username())
                    .claim("email", member.email())
                    .claim("email_verified", member.emailVerified());
            if (!member.groups().isEmpty()) {
                context.getClaims().claim("groups", member.groups());
            }
            switch (member.trick()) {
                case WRONG_AUDIENCE -> context.getClaims().audience(List.of("another-client"));
                case WRONG_NONCE -> context.getClaims().claim("nonce", "not-the-nonce-the-tracker-sent");
                case NONE -> {}
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
        return NimbusJwtDecoder.withJwkSource(keys).build();
    }
}
