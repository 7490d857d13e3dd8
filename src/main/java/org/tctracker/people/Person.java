package org.tctracker.people;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;
import org.tctracker.system.StoredRecord;

/** Someone who owns or helps with commitments, known on IRC by their nick. */
@Entity
@Audited
@Table(name = "person")
public class Person extends StoredRecord {

    public static final int MAX_NAME_LENGTH = 120;
    public static final int MAX_NICK_LENGTH = 40;

    /** The characters IRC allows in a nick; the form and the import both hold nicks to it. */
    public static final String NICK_SHAPE = "[A-Za-z\\[\\]\\\\`_^{|}][A-Za-z0-9\\[\\]\\\\`_^{|}-]{0,39}";

    /** Something@somewhere.tld without spaces or control characters. */
    public static final String EMAIL_SHAPE = "[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+";

    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_AFFILIATION_LENGTH = 120;

    private String displayName;

    private String ircNick;

    private @Nullable String email;

    private @Nullable String affiliation;

    protected Person() {}

    public Person(String displayName, String ircNick) {
        this.displayName = displayName;
        this.ircNick = ircNick;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getIrcNick() {
        return ircNick;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public @Nullable String getAffiliation() {
        return affiliation;
    }

    public void revise(String displayName, String ircNick, @Nullable String email, @Nullable String affiliation) {
        this.displayName = displayName;
        this.ircNick = ircNick;
        this.email = email;
        this.affiliation = affiliation;
    }

    public Person withAffiliation(@Nullable String affiliation) {
        this.affiliation = affiliation;
        return this;
    }

    public Person withEmail(@Nullable String email) {
        this.email = email;
        return this;
    }
}
