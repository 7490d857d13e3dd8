package org.tctracker.account;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.tctracker.account.ThrottledAuthenticationProvider.TooManyAttemptsException;
import org.tctracker.system.ErrorResponses;

/**
 * Who may do what, and the headers every answer carries. Reading is open to everyone; every change
 * needs an account; cycles, people, accounts and carrying work over are for admins: these rules
 * say so for the addresses, and {@code @PreAuthorize} says it again on the services, for callers
 * that come some other way. Finer rules (an editor changes only what they own or help with) are
 * {@code CommitmentPermissions}', checked by the commitment services. Controllers check nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The pages and actions of admins, whatever the method. */
    static final String[] ADMIN_PAGES = {
        "/admin/**",
        "/cycles/new",
        "/cycles/*/edit",
        "/cycles/*/delete",
        "/cycles/*/carry-over",
        "/cycles/*/carry-over/undo",
        "/people/new",
        "/people/*/edit",
        "/people/*/delete",
        "/teams/*/edit",
    };

    /** Addresses anyone may read, where only admins may post: the cycle and person forms save there. */
    static final String[] ADMIN_POSTS = {"/cycles", "/cycles/*", "/people", "/people/*", "/teams/*"};

    /** No inline script or style anywhere, so none is allowed; Pico's icons are data: images. */
    /** Pages that show a form for a change: only useful, and only shown, to someone signed in. */
    static final String[] FORM_PAGES = {
        "/commitments/new",
        "/commitments/*/edit",
        "/commitments/*/delete",
        "/commitments/*/check-ins/new",
        "/commitments/*/links/**",
        "/cycles/new",
        "/cycles/*/edit",
        "/cycles/*/delete",
        "/cycles/*/check-in",
        "/cycles/*/carry-over",
        "/people/new",
        "/people/*/edit",
        "/people/*/delete",
        "/commitments/*/goal",
        "/goals/*/teams/*/edit",
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(
            AccountUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
    }

    /** The web's rules; the command-line mode has no web server and so none of this. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class WebRules {

        @Bean
        ProviderRegistrations providerRegistrations(
                OidcSettings settings, @Value("${tracker.base-url:}") String baseUrl, Clock clock) {
            return new ProviderRegistrations(settings, baseUrl, clock);
        }

        @Bean
        ProviderSignIn providerSignIn(AccountService accounts, OidcSettings settings) {
            return new ProviderSignIn(accounts, settings);
        }

        @Bean
        SecurityFilterChain securityFilterChain(
                HttpSecurity http,
                AuthenticationManager authenticationManager,
                AccountStates states,
                Accounts accounts,
                SignedInSessions sessions,
                OidcSettings oidc,
                ProviderRegistrations registrations,
                ProviderSignIn signIn,
                @Value("${tracker.base-url:}") String baseUrl)
                throws Exception {
            if (oidc.enabled()) {
                http.oauth2Login(login -> login.loginPage("/login")
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(new KeepNoTokens())
                        .successHandler(backWhereYouWere())
                        .failureHandler(providerFailed(signIn))
                        .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                            @Override
                            public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                                // Without this, a provider that cannot be reached is a bare 500.
                                filter.setAuthenticationFailureHandler(providerFailed(signIn));
                                return filter;
                            }
                        }));
            }
            // One manager for both ways in, so that passwords always pass the throttle: the
            // provider's sign-ins are checked first, anything else by the password manager.
            http.authenticationManager(
                            oidc.enabled()
                                    ? new ProviderManager(List.of(signIn.codes()), authenticationManager)
                                    : authenticationManager)
                    .authorizeHttpRequests(requests -> requests.requestMatchers(ADMIN_PAGES)
                            .hasRole("ADMIN")
                            .requestMatchers(HttpMethod.POST, ADMIN_POSTS)
                            .hasRole("ADMIN")
                            .requestMatchers("/account", "/account/**")
                            .authenticated()
                            .requestMatchers("/login", "/login/failed", "/error")
                            .permitAll()
                            .requestMatchers(FORM_PAGES)
                            .authenticated()
                            // The API only reads; other methods reach it to be told so (405).
                            .requestMatchers("/api/**")
                            .permitAll()
                            // A signed token in the address is what allows a mail's links.
                            .requestMatchers("/mail/**")
                            .permitAll()
                            .requestMatchers(HttpMethod.GET, "/**")
                            .permitAll()
                            .requestMatchers(HttpMethod.HEAD, "/**")
                            .permitAll()
                            .anyRequest()
                            .authenticated())
                    // Nothing under /api/ changes anything, and scripts hold no CSRF token.
                    // A mail client's one-click unsubscribe (RFC 8058) holds no CSRF token either: the
                    // signed token in the address allows that one change and nothing else.
                    .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/mail/**"))
                    .securityContext(context -> context.securityContextRepository(sessions.repository()))
                    .formLogin(form -> form.loginPage("/login")
                            .successHandler(backWhereYouWere())
                            .failureHandler(loginFailed()))
                    .logout(logout -> logout.logoutUrl("/logout")
                            .logoutSuccessHandler(
                                    oidc.enabled() ? signOutAtProviderToo(registrations, baseUrl) : signedOutHere())
                            .invalidateHttpSession(true))
                    .exceptionHandling(errors -> errors.accessDeniedHandler(accessDenied()))
                    // ProtectiveHeaders sets these on every answer, this chain's and the refusals before it.
                    .headers(headers -> headers.contentTypeOptions(options -> options.disable())
                            .frameOptions(frames -> frames.disable()))
                    .addFilterBefore(new AccountRefreshFilter(states, accounts, sessions), AuthorizationFilter.class);
            return http.build();
        }

        /**
         * After signing in, back to the page that asked for it, by its path alone: the address the
         * browser asked for was built from its Host header, which anyone can forge.
         */
        private static AuthenticationSuccessHandler backWhereYouWere() {
            HttpSessionRequestCache cache = new HttpSessionRequestCache();
            return (request, response, authentication) -> {
                SavedRequest saved = cache.getRequest(request, response);
                String target = "/";
                if (saved != null) {
                    cache.removeRequest(request, response);
                    URI asked = URI.create(saved.getRedirectUrl());
                    target = asked.getRawPath() + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery());
                }
                response.sendRedirect(request.getContextPath() + target);
            };
        }

        /** Back to the sign-in page with what went wrong, in words; never a 500. */
        private static AuthenticationFailureHandler providerFailed(ProviderSignIn signIn) {
            return (request, response, exception) -> {
                request.setAttribute(LoginFailure.ATTRIBUTE, signIn.failure(request, exception));
                request.getRequestDispatcher("/login/failed").forward(request, response);
            };
        }

        /**
         * After signing out here, someone who signed in through the provider is sent to the
         * provider's {@code end_session_endpoint}, when it has one, to sign out there too (OpenID
         * Connect RP-initiated logout); then back to the sign-in page.
         */
        private static LogoutSuccessHandler signOutAtProviderToo(ProviderRegistrations registrations, String baseUrl) {
            OidcClientInitiatedLogoutSuccessHandler atProvider =
                    new OidcClientInitiatedLogoutSuccessHandler(registrations);
            atProvider.setPostLogoutRedirectUri(
                    (baseUrl.isBlank() ? "{baseUrl}" : baseUrl.replaceAll("/+$", "")) + "/login?signed-out");
            atProvider.setDefaultTargetUrl("/login?signed-out");
            LogoutSuccessHandler here = signedOutHere();
            return (request, response, authentication) -> {
                try {
                    atProvider.onLogoutSuccess(request, response, authentication);
                } catch (ProviderRegistrations.ProviderUnreachableException unreachable) {
                    here.onLogoutSuccess(request, response, authentication);
                }
            };
        }

        private static LogoutSuccessHandler signedOutHere() {
            SimpleUrlLogoutSuccessHandler here = new SimpleUrlLogoutSuccessHandler();
            here.setDefaultTargetUrl("/login?signed-out");
            return here;
        }

        /** Shows the sign-in page again with a message that never tells whether the username exists. */
        private static AuthenticationFailureHandler loginFailed() {
            return (request, response, exception) -> {
                LoginFailure failure =
                        exception instanceof TooManyAttemptsException ? LoginFailure.THROTTLED : LoginFailure.REFUSED;
                request.setAttribute(LoginFailure.ATTRIBUTE, failure);
                request.getRequestDispatcher("/login/failed").forward(request, response);
            };
        }

        private static AccessDeniedHandler accessDenied() {
            return (request, response, exception) -> ErrorResponses.send(
                    request,
                    response,
                    HttpStatus.FORBIDDEN.value(),
                    exception instanceof CsrfException
                            ? "This form had expired or did not come from this site. Go back, reload the page and try again."
                            : "Your account may not do this.");
        }
    }
}
