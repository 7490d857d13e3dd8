package org.tctracker.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may change accounts: every role against every kind of account change. A refused change is
 * answered as the role deserves (a sign-in page for strangers, 403 for the signed-in) and changes
 * nothing; an allowed one takes effect.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class AccountAccessTest {

    static final String PASSWORD = "mitaka gate stays green";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService service;

    @Autowired
    Accounts accounts;

    @Autowired
    AccountUserDetailsService users;

    long target;

    @BeforeEach
    void accounts() {
        service.create("boss", Role.ADMIN, null, PASSWORD);
        service.create("editor", Role.EDITOR, null, PASSWORD);
        service.create("gone", Role.ADMIN, null, PASSWORD);
        target = service.create("target", Role.EDITOR, null, PASSWORD).getId();
    }

    enum Who {
        ANONYMOUS,
        EDITOR,
        ADMIN,
        DISABLED_ADMIN
    }

    enum Outcome {
        ALLOWED,
        SIGN_IN_FIRST,
        FORBIDDEN
    }

    record Change(
            String name, Function<Long, MockHttpServletRequestBuilder> request, Function<Account, Object> effect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Change> ADMIN_CHANGES = List.of(
            new Change(
                    "create an account",
                    id -> post("/admin/users")
                            .param("username", "newcomer")
                            .param("role", "EDITOR")
                            .param("password", PASSWORD),
                    account -> "n/a"),
            new Change(
                    "change a role",
                    id -> post("/admin/users/" + id + "/role").param("role", "ADMIN"),
                    Account::getRole),
            new Change(
                    "disable an account",
                    id -> post("/admin/users/" + id + "/enabled").param("enabled", "false"),
                    Account::isEnabled),
            new Change(
                    "reset a password",
                    id -> post("/admin/users/" + id + "/password").param("password", "reset to a fresh passphrase"),
                    Account::getPasswordChangedAt),
            new Change(
                    "link a person",
                    id -> post("/admin/users/" + id + "/person").param("personId", "1"),
                    account -> account.getPerson() == null
                            ? "nobody"
                            : account.getPerson().getIrcNick()));

    static Stream<Arguments> matrix() {
        return ADMIN_CHANGES.stream()
                .flatMap(change -> Stream.of(
                        Arguments.of(Who.ANONYMOUS, change, Outcome.SIGN_IN_FIRST),
                        Arguments.of(Who.EDITOR, change, Outcome.FORBIDDEN),
                        Arguments.of(Who.DISABLED_ADMIN, change, Outcome.SIGN_IN_FIRST),
                        Arguments.of(Who.ADMIN, change, Outcome.ALLOWED)));
    }

    @ParameterizedTest(name = "{0} may {1}: {2}")
    @MethodSource("matrix")
    void accountChanges(Who who, Change change, Outcome expected) throws Exception {
        Object before = change.effect().apply(accounts.findById(target).orElseThrow());
        long accountsBefore = accounts.count();

        MvcResult result = mvc.perform(as(who, change.request().apply(target).with(csrf())))
                .andReturn();

        Account after = accounts.findById(target).orElseThrow();
        switch (expected) {
            case ALLOWED -> {
                assertThat(result.getResponse().getStatus()).isEqualTo(302);
                assertThat(result.getResponse().getRedirectedUrl()).startsWith("/admin/users");
                if (change.name().equals("create an account")) {
                    assertThat(accounts.findByUsername("newcomer")).isPresent();
                } else {
                    assertThat(change.effect().apply(after)).isNotEqualTo(before);
                }
            }
            case SIGN_IN_FIRST -> {
                assertThat(result.getResponse().getStatus()).isEqualTo(302);
                assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
                assertUnchanged(change, before, after, accountsBefore);
            }
            case FORBIDDEN -> {
                assertThat(result.getResponse().getStatus()).isEqualTo(403);
                assertUnchanged(change, before, after, accountsBefore);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("readers")
    void theAccountPagesThemselvesAreForAdmins(Who who, int status) throws Exception {
        MvcResult result = mvc.perform(as(who, get("/admin/users"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
    }

    static Stream<Arguments> readers() {
        return Stream.of(
                Arguments.of(Who.ANONYMOUS, 302),
                Arguments.of(Who.EDITOR, 403),
                Arguments.of(Who.DISABLED_ADMIN, 302),
                Arguments.of(Who.ADMIN, 200));
    }

    private void assertUnchanged(Change change, Object before, Account after, long accountsBefore) {
        assertThat(change.effect().apply(after)).isEqualTo(before);
        assertThat(accounts.count()).isEqualTo(accountsBefore);
        assertThat(accounts.findByUsername("newcomer")).isEmpty();
    }

    private MockHttpServletRequestBuilder as(Who who, MockHttpServletRequestBuilder request) {
        request.accept("text/html");
        return switch (who) {
            case ANONYMOUS -> request;
            case EDITOR -> request.with(user(users.loadUserByUsername("editor")));
            case ADMIN -> request.with(user(users.loadUserByUsername("boss")));
            case DISABLED_ADMIN -> {
                // Signed in while still enabled, then disabled by another admin.
                var signedIn = users.loadUserByUsername("gone");
                accounts.findByUsername("gone").orElseThrow().disable();
                yield request.with(user(signedIn));
            }
        };
    }
}
