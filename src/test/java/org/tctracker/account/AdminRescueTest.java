package org.tctracker.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.WebClient;

/**
 * The way back in for a tracker whose admins are all locked out: after the rescue the account
 * signs in with the new password as an enabled admin, and whoever was signed in as it is not.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
class AdminRescueTest {

    static final String OLD_PASSWORD = "the one everybody forgot";
    static final String NEW_PASSWORD = "a fresh start for the chair";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AccountService accounts;

    @Autowired
    Clock clock;

    AdminRescue.Outcome rescue(String username, String password) {
        return transactions.execute(status -> new AdminRescue(jdbc, clock).restore(username, password));
    }

    @Test
    void theNewPasswordReplacesTheOldOneAndEndsTheAccountsSessions() throws Exception {
        accounts.create("forgetful", Role.ADMIN, null, OLD_PASSWORD);
        WebClient earlier = new WebClient(port);
        assertThat(earlier.signIn("forgetful", OLD_PASSWORD).statusCode()).isEqualTo(302);
        assertThat(earlier.get("/admin/users").statusCode()).isEqualTo(200);

        assertThat(rescue("Forgetful", NEW_PASSWORD)).isEqualTo(AdminRescue.Outcome.RESTORED);

        assertThat(earlier.get("/admin/users").statusCode()).isEqualTo(302);
        WebClient now = new WebClient(port);
        assertThat(now.signIn("forgetful", OLD_PASSWORD).statusCode()).isEqualTo(401);
        assertThat(now.signIn("forgetful", NEW_PASSWORD).statusCode()).isEqualTo(302);
        assertThat(now.get("/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void aDisabledDemotedAndThrottledAdminSignsInAgainAsAnAdmin() throws Exception {
        accounts.create("locked-out", Role.ADMIN, null, OLD_PASSWORD);
        jdbc.sql("update account set role = 'EDITOR', enabled = false where username = 'locked-out'")
                .update();
        for (int i = 0; i < 10; i++) {
            jdbc.sql("insert into login_failure (username, client_address, failed_at)"
                            + " values ('locked-out', '192.0.2.9', current_timestamp)")
                    .update();
        }

        assertThat(rescue("locked-out", NEW_PASSWORD)).isEqualTo(AdminRescue.Outcome.RESTORED);

        WebClient browser = new WebClient(port, "192.0.2.9");
        assertThat(browser.signIn("locked-out", NEW_PASSWORD).statusCode()).isEqualTo(302);
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownNameBecomesANewAdmin() throws Exception {
        assertThat(rescue("rescuer", NEW_PASSWORD)).isEqualTo(AdminRescue.Outcome.CREATED);

        WebClient browser = new WebClient(port);
        assertThat(browser.signIn("rescuer", NEW_PASSWORD).statusCode()).isEqualTo(302);
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordThePagesWouldRefuseChangesNothing() {
        accounts.create("keeps-old", Role.EDITOR, null, OLD_PASSWORD);
        Map<String, Object> before = jdbc.sql("select * from account where username = 'keeps-old'")
                .query()
                .singleRow();

        assertThatThrownBy(() -> rescue("keeps-old", "short"))
                .isInstanceOf(AccountChangeRefusedException.class)
                .hasMessage("Use at least 12 characters.");
        assertThatThrownBy(() -> rescue("no spaces allowed", NEW_PASSWORD))
                .isInstanceOf(AccountChangeRefusedException.class);

        assertThat(jdbc.sql("select * from account where username = 'keeps-old'")
                        .query()
                        .singleRow())
                .isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from account where username like 'no%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
