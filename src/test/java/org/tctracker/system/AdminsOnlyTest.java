package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.cycle.CycleService;
import org.tctracker.cycle.CycleService.CycleDraft;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.people.PeopleService;
import org.tctracker.people.PeopleService.PersonDraft;
import org.tctracker.support.Team;

/**
 * What is for admins stays so whoever calls, not only through the pages: the services refuse a
 * caller who is nobody, or an editor, and store nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class AdminsOnlyTest {

    @Autowired
    CycleService cycleService;

    @Autowired
    PeopleService peopleService;

    @Autowired
    CommitmentService commitments;

    @Autowired
    Cycles cycles;

    @Autowired
    People people;

    Team team;

    @BeforeEach
    void team(@Autowired AccountService accounts, @Autowired UserDetailsService users) {
        team = new Team(accounts, people, users);
        team.assemble();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void signInAs(String username) {
        TrackerUser user = team.user(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    static final CycleDraft NEWTON = new CycleDraft(
            "newton-by-hand", "Newton", null, LocalDate.of(2016, 4, 11), LocalDate.of(2016, 10, 6), Map.of());

    @Test
    void nobodyMayOpenACycleOrAddAPersonOrCarryWorkOver() {
        long mitaka = cycles.findBySlug("mitaka").orElseThrow().getId();

        assertThatThrownBy(() -> cycleService.create(NEWTON))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> peopleService.create(new PersonDraft("Nobody", "nobody-by-hand", null, null)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> commitments.carryOver(mitaka, mitaka))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(cycles.findBySlug("newton-by-hand")).isEmpty();
        assertThat(people.findByIrcNick("nobody-by-hand")).isEmpty();
    }

    @Test
    void anEditorIsRefusedAndAnAdminIsNot() {
        signInAs("owner-ed");
        assertThatThrownBy(() -> cycleService.create(NEWTON)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cycleService.delete("mitaka")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> peopleService.delete(
                        people.findByIrcNick("lifeless").orElseThrow().getId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(cycles.findBySlug("newton-by-hand")).isEmpty();

        signInAs("chair");
        cycleService.create(NEWTON);
        assertThat(cycles.findBySlug("newton-by-hand")).isPresent();
        cycleService.delete("newton-by-hand");
    }
}
