package org.tctracker.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tctracker.cycle.IsoWeek;

/**
 * The record that makes each mail go once: a mail is claimed before it is sent and marked sent
 * once the mail server took it. A claim left unsent for 15 minutes (the sender stopped half-way)
 * is given up, so that mail is tried again.
 */
@Component
public class SentMails {

    static final Duration ABANDONED_AFTER = Duration.ofMinutes(15);

    /** What a mail is: its kind, who gets it, for which cycle and week. */
    public record Key(String kind, String recipient, long cycleId, IsoWeek week) {}

    private final JdbcClient jdbc;

    public SentMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when this mail was sent already. */
    public boolean sent(Key key) {
        return jdbc.sql(
                                "select count(*) from sent_mail where kind = ? and recipient = ? and cycle_id = ? and iso_week = ?"
                                        + " and sent_at is not null")
                        .params(
                                key.kind(),
                                key.recipient(),
                                key.cycleId(),
                                key.week().toString())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Claims the mail for this sender; false when it is sent or another sender holds it. */
    public boolean claim(Key key, @Nullable Long personId, String messageId, Instant now) {
        jdbc.sql("delete from sent_mail where kind = ? and recipient = ? and cycle_id = ? and iso_week = ?"
                        + " and sent_at is null and claimed_at < ?")
                .params(
                        key.kind(),
                        key.recipient(),
                        key.cycleId(),
                        key.week().toString(),
                        now.minus(ABANDONED_AFTER).atOffset(ZoneOffset.UTC))
                .update();
        try {
            return jdbc.sql(
                                    "insert into sent_mail (kind, recipient, person_id, cycle_id, iso_week, message_id, claimed_at)"
                                            + " values (?, ?, ?, ?, ?, ?, ?)")
                            .params(
                                    key.kind(),
                                    key.recipient(),
                                    personId,
                                    key.cycleId(),
                                    key.week().toString(),
                                    messageId,
                                    now.atOffset(ZoneOffset.UTC))
                            .update()
                    == 1;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** The mail server took it. */
    public void markSent(Key key, Instant at) {
        jdbc.sql("update sent_mail set sent_at = ? where kind = ? and recipient = ? and cycle_id = ? and iso_week = ?")
                .params(
                        at.atOffset(ZoneOffset.UTC),
                        key.kind(),
                        key.recipient(),
                        key.cycleId(),
                        key.week().toString())
                .update();
    }

    /** Sending failed: the claim goes, so the next run tries again. */
    public void release(Key key) {
        jdbc.sql("delete from sent_mail where kind = ? and recipient = ? and cycle_id = ? and iso_week = ?"
                        + " and sent_at is null")
                .params(key.kind(), key.recipient(), key.cycleId(), key.week().toString())
                .update();
    }
}
