package org.tctracker.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable: long enough to resist guessing, not one of the passwords
 * everybody tries first, and short enough for bcrypt to use every character.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;
    private static final int BCRYPT_MAX_BYTES = 72;

    private final Set<String> common;

    PasswordPolicy() {
        ClassPathResource list = new ClassPathResource("account/common-passwords.txt");
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8))) {
            common = reader.lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("The list of common passwords is missing from the application", e);
        }
    }

    /** Why the password is not acceptable for this account, or empty when it is. */
    public Optional<String> problemWith(String password, String username) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("This password is among the most common ones; choose another.");
        }
        if (lower.contains(Usernames.normalize(username)) && !username.isBlank()) {
            return Optional.of("The password must not contain the username.");
        }
        if (lower.chars().distinct().count() < 4) {
            return Optional.of("Use more than a few different characters.");
        }
        return Optional.empty();
    }
}
