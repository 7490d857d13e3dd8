package org.tctracker.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Savepoint;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database itself refuses records the application must never write, so a bug or a hand-made
 * import cannot corrupt a cycle's record.
 */
@DataJpaTest
class SchemaConstraintsTest {

    @Autowired
    JdbcTemplate jdbc;

    long mitaka() {
        return jdbc.queryForObject("select id from cycle where slug = 'mitaka'", Long.class);
    }

    long lifeless() {
        return jdbc.queryForObject("select id from person where irc_nick = 'lifeless'", Long.class);
    }

    long commitment(int position) {
        return jdbc.queryForObject(
                "select id from commitment where cycle_id = ? and position = ?", Long.class, mitaka(), position);
    }

    void insertCommitment(int position, String title, String status) {
        jdbc.update(
                "insert into commitment (cycle_id, position, title, summary, owner_id, status, created_at, updated_at)"
                        + " values (?, ?, ?, '', ?, ?, current_timestamp, current_timestamp)",
                mitaka(),
                position,
                title,
                lifeless(),
                status);
    }

    /**
     * The statement fails with a constraint violation and leaves nothing behind. It runs under a
     * savepoint, as PostgreSQL refuses every later statement of a transaction after a failure.
     */
    void refused(ThrowingCallable statement) {
        Savepoint savepoint = jdbc.execute((ConnectionCallback<Savepoint>) Connection::setSavepoint);
        assertThatThrownBy(statement).isInstanceOf(DataIntegrityViolationException.class);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            connection.rollback(savepoint);
            return null;
        });
    }

    @Test
    void aPositionIsTakenOncePerCycle() {
        refused(() -> insertCommitment(3, "Another third", "NOT_STARTED"));
        insertCommitment(10, "A tenth", "NOT_STARTED");
        assertThat(jdbc.queryForObject("select count(*) from commitment", Integer.class))
                .isEqualTo(10);
    }

    @Test
    void titlesAreRequiredAndBounded() {
        refused(() -> insertCommitment(10, "   ", "NOT_STARTED"));
        refused(() -> insertCommitment(11, "x".repeat(121), "NOT_STARTED"));
        refused(() -> insertCommitment(0, "Position zero", "NOT_STARTED"));
    }

    @Test
    void statusesAreTheFiveKnownOnes() {
        refused(() -> insertCommitment(10, "Unknown status", "FINISHED"));
    }

    @Test
    void specLinksMustBeWebAddresses() {
        String insert = "insert into spec_link (commitment_id, title, url, kind, state, created_at, updated_at)"
                + " values (?, 'A link', ?, 'SPEC', 'DRAFT', current_timestamp, current_timestamp)";
        refused(() -> jdbc.update(insert, commitment(1), "javascript:alert(1)"));
        refused(() -> jdbc.update(insert, commitment(1), "data:text/html,hi"));
        jdbc.update(insert, commitment(1), "https://review.openstack.org/#/c/189003/");
    }

    @Test
    void checkInsAreOnePerCommitmentAndWeek() {
        String insert = "insert into check_in (commitment_id, iso_week, checked_on, author, status, note,"
                + " percent_done, created_at, updated_at)"
                + " values (?, '2015-W46', date '2015-11-12', 'lifeless', 'IN_PROGRESS', ?, ?,"
                + " current_timestamp, current_timestamp)";
        jdbc.update(insert, commitment(2), "Spec drafted", 20);
        refused(() -> jdbc.update(insert, commitment(2), "Second in the week", 30));
        refused(() -> jdbc.update(insert, commitment(3), "Over a hundred", 101));
    }

    @Test
    void aCommitmentNeedsAnExistingOwner() {
        refused(() -> jdbc.update(
                "insert into commitment (cycle_id, position, title, summary, owner_id, status, created_at,"
                        + " updated_at) values (?, 10, 'Orphan', '', 987654, 'NOT_STARTED',"
                        + " current_timestamp, current_timestamp)",
                mitaka()));
    }

    @Test
    void aCycleEndsAfterItStarts() {
        refused(() -> jdbc.update("insert into cycle (slug, name, starts_on, ends_on, created_at, updated_at)"
                + " values ('backwards', 'Backwards', date '2016-04-07', date '2015-10-19',"
                + " current_timestamp, current_timestamp)"));
    }
}
