package org.tctracker.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Usernames are lower-case, so "Lifeless" and "lifeless" are one account. */
public final class Usernames {

    public static final int MAX_LENGTH = 40;
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    private Usernames() {}

    public static String normalize(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    public static Optional<String> problemWith(String username) {
        String normalized = normalize(username);
        if (normalized.isEmpty()) {
            return Optional.of("Enter a username.");
        }
        if (!SHAPE.matcher(normalized).matches()) {
            return Optional.of(
                    "Use 2 to 40 letters, digits, dots, dashes or underscores, starting with a letter or digit.");
        }
        return Optional.empty();
    }
}
