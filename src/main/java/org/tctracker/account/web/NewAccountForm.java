package org.tctracker.account.web;

import org.jspecify.annotations.Nullable;
import org.tctracker.account.Role;

/** The fields of a new account, as an admin fills them in on {@code /admin/users}. */
public class NewAccountForm {

    private String username = "";
    private @Nullable Role role = Role.EDITOR;
    private @Nullable Long personId;
    private String password = "";

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public @Nullable Role getRole() {
        return role;
    }

    public void setRole(@Nullable Role role) {
        this.role = role;
    }

    public @Nullable Long getPersonId() {
        return personId;
    }

    public void setPersonId(@Nullable Long personId) {
        this.personId = personId;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
