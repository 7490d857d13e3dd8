package org.tctracker.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;
import org.tctracker.support.OwnDatabase;

/**
 * Two admins who take each other's admin role at the same moment: the second waits for the first
 * to finish and is then refused, so one admin always remains.
 */
@SpringBootTest
@OwnDatabase
class LastAdminRaceTest {

    static final String REFUSED = "refused";
    static final String CHANGED = "changed";

    @Autowired
    AccountService service;

    @Autowired
    Accounts accounts;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        long first = service.create("race-first", Role.ADMIN, null, "mitaka gate stays green")
                .getId();
        long second = service.create("race-second", Role.ADMIN, null, "mitaka gate stays green")
                .getId();
        for (Account other : accounts.findAllWithPeople()) {
            if (other.getRole() == Role.ADMIN && other.getId() != first && other.getId() != second) {
                service.changeRole(other.getId(), Role.EDITOR, -1);
            }
        }
        assertThat(enabledAdmins()).hasSize(2);

        // The first demotion has passed its check and holds its transaction open a moment; the
        // second starts inside that moment. Without the lock both see two admins and both commit.
        CountDownLatch firstChecked = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> byFirst = pool.submit(() -> demote(second, first, () -> {
                firstChecked.countDown();
                pause(300);
            }));
            Future<String> bySecond = pool.submit(() -> {
                firstChecked.await(10, TimeUnit.SECONDS);
                return demote(first, second, () -> {});
            });

            assertThat(List.of(byFirst.get(30, TimeUnit.SECONDS), bySecond.get(30, TimeUnit.SECONDS)))
                    .containsExactly(CHANGED, REFUSED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(enabledAdmins()).extracting(Account::getUsername).containsExactly("race-first");
    }

    private String demote(long target, long actingAdmin, Runnable beforeCommit) {
        try {
            return transactions.execute(status -> {
                service.changeRole(target, Role.EDITOR, actingAdmin);
                beforeCommit.run();
                return CHANGED;
            });
        } catch (AccountChangeRefusedException refused) {
            assertThat(refused).hasMessage("This is the last enabled admin; make someone else an admin first.");
            return REFUSED;
        }
    }

    private List<Account> enabledAdmins() {
        return accounts.findAllWithPeople().stream()
                .filter(a -> a.getRole() == Role.ADMIN && a.isEnabled())
                .toList();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
