package org.tctracker.people.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.tctracker.people.PeopleService.PersonDraft;
import org.tctracker.people.Person;
import org.tctracker.system.PlainText;

/** The fields of the person form. */
public class PersonForm {

    /** The characters IRC allows in a nick. */
    private static final String NICK = Person.NICK_SHAPE;

    /** Something@somewhere.tld without spaces or control characters, or nothing at all. */
    private static final String EMAIL = "|" + Person.EMAIL_SHAPE;

    private static final String EMAIL_SHAPE = "Enter an address such as someone@example.org, or leave it empty.";

    @NotBlank(message = "Enter the name people know them by.")
    @Size(max = Person.MAX_NAME_LENGTH, message = "Use up to {max} printable characters.")
    @PlainText(message = "Use up to " + Person.MAX_NAME_LENGTH + " printable characters.")
    private String displayName = "";

    @Pattern(regexp = NICK, message = "Enter their IRC nick: up to 40 characters, no spaces.")
    private String ircNick = "";

    @Size(max = Person.MAX_EMAIL_LENGTH, message = EMAIL_SHAPE)
    @Pattern(regexp = EMAIL, message = EMAIL_SHAPE)
    private String email = "";

    @Size(max = Person.MAX_AFFILIATION_LENGTH, message = "Use up to {max} printable characters.")
    @PlainText(message = "Use up to " + Person.MAX_AFFILIATION_LENGTH + " printable characters.")
    private String affiliation = "";

    private @Nullable Long version;

    static PersonForm of(Person person) {
        PersonForm form = new PersonForm();
        form.displayName = person.getDisplayName();
        form.ircNick = person.getIrcNick();
        form.email = person.getEmail() == null ? "" : person.getEmail();
        form.affiliation = person.getAffiliation() == null ? "" : person.getAffiliation();
        form.version = person.getVersion();
        return form;
    }

    PersonDraft draft() {
        return new PersonDraft(
                displayName, ircNick, email.isEmpty() ? null : email, affiliation.isEmpty() ? null : affiliation);
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(@Nullable String displayName) {
        this.displayName = displayName == null ? "" : displayName.strip();
    }

    public String getIrcNick() {
        return ircNick;
    }

    public void setIrcNick(@Nullable String ircNick) {
        this.ircNick = ircNick == null ? "" : ircNick.strip();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email == null ? "" : email.strip();
    }

    public String getAffiliation() {
        return affiliation;
    }

    public void setAffiliation(@Nullable String affiliation) {
        this.affiliation = affiliation == null ? "" : affiliation.strip();
    }

    public @Nullable Long getVersion() {
        return version;
    }

    public void setVersion(@Nullable Long version) {
        this.version = version;
    }
}
