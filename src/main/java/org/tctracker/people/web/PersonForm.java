package org.tctracker.people.web;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;
import org.tctracker.people.PeopleService.PersonDraft;
import org.tctracker.people.Person;

/** The fields of the person form. */
public class PersonForm {

    /** The characters IRC allows in a nick. */
    private static final Pattern NICK = Pattern.compile("[A-Za-z\\[\\]\\\\`_^{|}][A-Za-z0-9\\[\\]\\\\`_^{|}-]{0,39}");

    private String displayName = "";
    private String ircNick = "";
    private String email = "";
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

    void validate(BindingResult result) {
        displayName = displayName.strip();
        ircNick = ircNick.strip();
        email = email.strip();
        affiliation = affiliation.strip();
        if (displayName.isEmpty()) {
            result.rejectValue("displayName", "required", "Enter the name people know them by.");
        } else if (displayName.length() > Person.MAX_NAME_LENGTH
                || displayName.chars().anyMatch(Character::isISOControl)) {
            result.rejectValue(
                    "displayName", "length", "Use up to " + Person.MAX_NAME_LENGTH + " printable characters.");
        }
        if (!NICK.matcher(ircNick).matches()) {
            result.rejectValue("ircNick", "shape", "Enter their IRC nick: up to 40 characters, no spaces.");
        }
        if (!email.isEmpty()
                && (email.length() > Person.MAX_EMAIL_LENGTH
                        || !email.matches("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+"))) {
            result.rejectValue("email", "shape", "Enter an address such as someone@example.org, or leave it empty.");
        }
        if (affiliation.length() > Person.MAX_AFFILIATION_LENGTH
                || affiliation.chars().anyMatch(Character::isISOControl)) {
            result.rejectValue(
                    "affiliation", "length", "Use up to " + Person.MAX_AFFILIATION_LENGTH + " printable characters.");
        }
    }

    PersonDraft draft() {
        return new PersonDraft(
                displayName, ircNick, email.isEmpty() ? null : email, affiliation.isEmpty() ? null : affiliation);
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(@Nullable String displayName) {
        this.displayName = displayName == null ? "" : displayName;
    }

    public String getIrcNick() {
        return ircNick;
    }

    public void setIrcNick(@Nullable String ircNick) {
        this.ircNick = ircNick == null ? "" : ircNick;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email == null ? "" : email;
    }

    public String getAffiliation() {
        return affiliation;
    }

    public void setAffiliation(@Nullable String affiliation) {
        this.affiliation = affiliation == null ? "" : affiliation;
    }

    public @Nullable Long getVersion() {
        return version;
    }

    public void setVersion(@Nullable Long version) {
        this.version = version;
    }
}
