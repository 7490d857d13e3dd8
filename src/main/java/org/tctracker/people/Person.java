package org.tctracker.people;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;

/** Someone who owns or helps with commitments, known on IRC by their nick. */
@Entity
@Audited
@Table(name = "person")
public class Person {

    public static final int MAX_NAME_LENGTH = 120;
    public static final int MAX_NICK_LENGTH = 40;
    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_AFFILIATION_LENGTH = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String displayName;

    private String ircNick;

    private @Nullable String email;

    private @Nullable String affiliation;

    @Version
    @NotAudited
    private long version;

    @CreationTimestamp
    @NotAudited
    private Instant createdAt;

    @UpdateTimestamp
    @NotAudited
    private Instant updatedAt;

    protected Person() {}

    public Person(String displayName, String ircNick) {
        this.displayName = displayName;
        this.ircNick = ircNick;
        this.createdAt = Instant.now();
        this.updatedAt = this.createdAt;
    }

    public Long getId() {
        if (id == null) {
            throw new IllegalStateException(ircNick + " has not been saved yet");
        }
        return id;
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

    public long getVersion() {
        return version;
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
