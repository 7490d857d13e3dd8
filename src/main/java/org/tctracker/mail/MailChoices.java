package org.tctracker.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which mails a person gets: reminders about what they own (on unless turned off), what they help with, the digest. */
@Component
public class MailChoices {

    /** A person's choices. */
    public record Choice(boolean reminders, boolean helping, boolean digest) {
        public static final Choice DEFAULT = new Choice(true, false, false);

        public Choice with(Kind kind, boolean on) {
            return switch (kind) {
                case REMINDERS -> new Choice(on, helping, digest);
                case HELPING -> new Choice(reminders, on, digest);
                case DIGEST -> new Choice(reminders, helping, on);
            };
        }

        public boolean of(Kind kind) {
            return switch (kind) {
                case REMINDERS -> reminders;
                case HELPING -> helping;
                case DIGEST -> digest;
            };
        }
    }

    /** One choice, as a token names it. */
    public enum Kind {
        REMINDERS("reminders about the stale commitments you own"),
        HELPING("reminders about the stale commitments you help with"),
        DIGEST("a copy of the weekly digest");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final JdbcClient jdbc;

    public MailChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Choice of(long personId) {
        return jdbc.sql("select reminders, helping, digest from mail_choice where person_id = ?")
                .param(personId)
                .query((rs, n) -> new Choice(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
                .optional()
                .orElse(Choice.DEFAULT);
    }

    /** Saves a person's choices (the person must exist). */
    public void save(long personId, Choice choice) {
        int updated = jdbc.sql("update mail_choice set reminders = ?, helping = ?, digest = ? where person_id = ?")
                .params(choice.reminders(), choice.helping(), choice.digest(), personId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into mail_choice (person_id, reminders, helping, digest) values (?, ?, ?, ?)")
                    .params(personId, choice.reminders(), choice.helping(), choice.digest())
                    .update();
        }
    }

    /** Turns one choice on or off, leaving the others as they are. */
    public void set(long personId, Kind kind, boolean on) {
        save(personId, of(personId).with(kind, on));
    }
}
