package org.tctracker.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;
import org.tctracker.support.Html;

/** Your own password, and what admins do on the account pages, with every refusal explained. */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class AccountPagesTest {

    static final String PASSWORD = "stabilisation cycle 9";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    Accounts repository;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    AuthenticationManager authentication;

    UserDetails editor;
    UserDetails admin;

    @BeforeEach
    void people() {
        accounts.create("page-editor", Role.EDITOR, null, PASSWORD);
        accounts.create("page-admin", Role.ADMIN, null, PASSWORD);
        editor = users.loadUserByUsername("page-editor");
        admin = users.loadUserByUsername("page-admin");
    }

    boolean canSignIn(String username, String password) {
        try {
            authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
            return true;
        } catch (BadCredentialsException e) {
            return false;
        }
    }

    MvcResult changePassword(String current, String next, String again) throws Exception {
        return mvc.perform(post("/account/password")
                        .with(user(editor))
                        .with(csrf())
                        .param("currentPassword", current)
                        .param("newPassword", next)
                        .param("confirmation", again))
                .andReturn();
    }

    @Test
    void theAccountPageSaysWhoYouAre() throws Exception {
        Document page =
                Html.parse(mvc.perform(get("/account").with(user(editor))).andReturn());

        assertThat(Html.texts(page, ".facts dd")).startsWith("page-editor", "Editor");
        assertThat(page.select("nav a[href=/account]").text()).isEqualTo("page-editor");
        assertThat(page.select("nav a[href=/admin/users]")).isEmpty();
    }

    @Test
    void changingYourPasswordNeedsTheCurrentOneAndWorks() throws Exception {
        MvcResult result = changePassword(PASSWORD, "a brand new passphrase", "a brand new passphrase");

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/account");
        assertThat(result.getFlashMap().get("flash")).isEqualTo("Your password has been changed.");
        assertThat(canSignIn("page-editor", "a brand new passphrase")).isTrue();
        assertThat(canSignIn("page-editor", PASSWORD)).isFalse();
    }

    @Test
    void aWrongCurrentPasswordIsSaidBesideItsField() throws Exception {
        MvcResult result = changePassword("not my password", "a brand new passphrase", "a brand new passphrase");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        Document page = Html.parse(result);
        assertThat(page.selectFirst("#currentPassword-error").text()).isEqualTo("The current password is not right.");
        assertThat(page.selectFirst("input#currentPassword").attr("aria-invalid"))
                .isEqualTo("true");
        assertThat(canSignIn("page-editor", PASSWORD)).isTrue();
    }

    @Test
    void aWeakOrMistypedNewPasswordIsRefusedBesideItsField() throws Exception {
        Document shortOne = Html.parse(changePassword(PASSWORD, "too short", "too short"));
        Document common = Html.parse(changePassword(PASSWORD, "password1234", "password1234"));
        Document mistyped = Html.parse(changePassword(PASSWORD, "a brand new passphrase", "a brand new passfrase"));

        assertThat(shortOne.selectFirst("#newPassword-error").text()).isEqualTo("Use at least 12 characters.");
        assertThat(common.selectFirst("#newPassword-error").text())
                .isEqualTo("This password is among the most common ones; choose another.");
        assertThat(mistyped.selectFirst("#confirmation-error").text())
                .isEqualTo("The two new passwords are not the same.");
        assertThat(canSignIn("page-editor", PASSWORD)).isTrue();
    }

    @Test
    void anAdminCreatesAnEditorWhoCanSignIn() throws Exception {
        MvcResult result = mvc.perform(post("/admin/users")
                        .with(user(admin))
                        .with(csrf())
                        .param("username", "Dims")
                        .param("role", "EDITOR")
                        .param("personId", "1")
                        .param("password", "oslo libraries forever"))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");
        assertThat(canSignIn("dims", "oslo libraries forever")).isTrue();
        Account dims = repository.findByUsername("dims").orElseThrow();
        assertThat(dims.getRole()).isEqualTo(Role.EDITOR);
        assertThat(dims.getPerson().getIrcNick()).isEqualTo("lifeless");
        Document list =
                Html.parse(mvc.perform(get("/admin/users").with(user(admin))).andReturn());
        assertThat(Html.texts(list, "table.accounts tbody td:nth-child(1)")).contains("dims");
    }

    @Test
    void aNewAccountsMistakesAreShownBesideTheFieldsWithTheInputKept() throws Exception {
        MvcResult result = mvc.perform(post("/admin/users")
                        .with(user(admin))
                        .with(csrf())
                        .param("username", "no spaces please")
                        .param("role", "EDITOR")
                        .param("password", "short"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        Document page = Html.parse(result);
        assertThat(page.selectFirst("#username-error").text()).startsWith("Use 2 to 40 letters");
        assertThat(page.selectFirst("input#username").val()).isEqualTo("no spaces please");
        assertThat(page.selectFirst("#password-error").text()).isEqualTo("Use at least 12 characters.");
        assertThat(repository.findByUsername("no spaces please")).isEmpty();
    }

    @Test
    void aTakenUsernameOrAnUnknownRoleIsRefused() throws Exception {
        MvcResult taken = mvc.perform(post("/admin/users")
                        .with(user(admin))
                        .with(csrf())
                        .param("username", "PAGE-EDITOR")
                        .param("role", "EDITOR")
                        .param("password", "oslo libraries forever"))
                .andReturn();
        MvcResult badRole = mvc.perform(post("/admin/users/"
                                + repository
                                        .findByUsername("page-editor")
                                        .orElseThrow()
                                        .getId() + "/role")
                        .with(user(admin))
                        .with(csrf())
                        .param("role", "OVERLORD"))
                .andReturn();

        assertThat(taken.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(taken).text()).contains("There is already an account called page-editor.");
        assertThat(badRole.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(badRole).selectFirst(".error-message").text())
                .isEqualTo("\"OVERLORD\" is not a valid role.");
        assertThat(repository.findByUsername("page-editor").orElseThrow().getRole())
                .isEqualTo(Role.EDITOR);
    }

    @Test
    void anAdminCannotDisableThemselvesNorLeaveTheTrackerWithoutAnAdmin() throws Exception {
        long self = repository.findByUsername("page-admin").orElseThrow().getId();

        MvcResult disableSelf = mvc.perform(post("/admin/users/" + self + "/enabled")
                        .with(user(admin))
                        .with(csrf())
                        .param("enabled", "false"))
                .andReturn();
        MvcResult demoteSelf = mvc.perform(post("/admin/users/" + self + "/role")
                        .with(user(admin))
                        .with(csrf())
                        .param("role", "EDITOR"))
                .andReturn();

        assertThat(disableSelf.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(disableSelf).selectFirst(".flash-error").text())
                .isEqualTo("You cannot disable your own account.");
        assertThat(Html.parse(demoteSelf).selectFirst(".flash-error").text())
                .isEqualTo("You cannot take away your own admin role.");
        Account stillAdmin = repository.findByUsername("page-admin").orElseThrow();
        assertThat(stillAdmin.isEnabled()).isTrue();
        assertThat(stillAdmin.getRole()).isEqualTo(Role.ADMIN);
    }

    @Test
    void theLastEnabledAdminStays() {
        repository.findAllWithPeople().stream()
                .filter(a -> a.getRole() == Role.ADMIN && !a.getUsername().equals("page-admin"))
                .forEach(Account::disable);
        long last = repository.findByUsername("page-admin").orElseThrow().getId();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.setEnabled(last, false, -1))
                .hasMessage("This is the last enabled admin; make someone else an admin first.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.changeRole(last, Role.EDITOR, -1))
                .hasMessage("This is the last enabled admin; make someone else an admin first.");
    }

    @Test
    void aResetPasswordEndsTheAccountsSession() throws Exception {
        long id = repository.findByUsername("page-editor").orElseThrow().getId();
        mvc.perform(post("/admin/users/" + id + "/password")
                .with(user(admin))
                .with(csrf())
                .param("password", "handed over in person"));

        MvcResult result = mvc.perform(get("/account").accept("text/html").with(user(editor)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(canSignIn("page-editor", "handed over in person")).isTrue();
    }

    @Test
    void aPostWithoutItsFormTokenIsRefusedAndChangesNothing() throws Exception {
        long id = repository.findByUsername("page-editor").orElseThrow().getId();

        MvcResult result = mvc.perform(
                        post("/admin/users/" + id + "/role").with(user(admin)).param("role", "ADMIN"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(repository.findByUsername("page-editor").orElseThrow().getRole())
                .isEqualTo(Role.EDITOR);
    }
}
