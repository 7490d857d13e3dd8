package org.tctracker.account;

/** What an account may do. Admins may change everything; editors what they own or help with. */
public enum Role {
    ADMIN("Admin"),
    EDITOR("Editor");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    String authority() {
        return "ROLE_" + name();
    }
}
