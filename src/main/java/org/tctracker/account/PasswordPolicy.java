package org.tctracker.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryUtil;
import org.jspecify.annotations.Nullable;
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
        int characters = password.codePointCount(0, password.length());
        if (characters < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (characters > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            // Stored passwords keep their first 72 bytes; accented letters and other scripts take 2 to 4 each.
            return Optional.of("This password is " + characters + " characters, but its accented or non-Latin"
                    + " letters make it longer than the " + BCRYPT_MAX_BYTES + " bytes a password may take; use"
                    + " fewer characters.");
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
        if (repeatsAShortPiece(lower)) {
            return Optional.of("Do not just repeat a short piece; choose another.");
        }
        if (longestRun(lower) >= 8) {
            return Optional.of("Avoid long runs along the keyboard or the alphabet; choose another.");
        }
        if (Estimate.estimator().estimate(password).getEntropy() < MIN_ENTROPY_BITS) {
            return Optional.of("This password would be guessed too soon: it is mostly common words, names, dates or"
                    + " patterns. Add a word or a few characters of your own.");
        }
        return Optional.empty();
    }

    /** How hard a password must be to guess, as estimated by nbvcxz (about 34 billion guesses). */
    static final double MIN_ENTROPY_BITS = 35;

    /**
     * nbvcxz's estimate of how many guesses a password would take, against its dictionaries of
     * common passwords, English words, names and keyboard patterns. Built on first use (about a
     * second), so only what sets a password pays for it; and held only softly, since its
     * dictionaries take about 35 MB: kept while passwords are being set (the tests set hundreds),
     * let go a little while after the last one, as soon as the heap wants the room. Held for good,
     * they filled the recommended 64 MB heap and the server spent its time collecting garbage.
     */
    static final class Estimate {

        private static volatile SoftReference<@Nullable Nbvcxz> kept = new SoftReference<>(null);

        static Nbvcxz estimator() {
            Nbvcxz estimator = kept.get();
            if (estimator == null) {
                // nbvcxz loads its dictionaries into a static list when first used and holds them
                // there for good: they are taken out of it, and this estimator gets its own.
                ConfigurationBuilder.getDefaultDictionaries().clear();
                estimator = new Nbvcxz(new ConfigurationBuilder()
                        .setDictionaries(dictionaries())
                        .setMinimumEntropy(MIN_ENTROPY_BITS)
                        .setMaxLength(MAX_LENGTH)
                        .createConfiguration());
                kept = new SoftReference<>(estimator);
            }
            return estimator;
        }

        /** nbvcxz's own dictionaries, as it loads them for its defaults. */
        private static List<Dictionary> dictionaries() {
            return List.of(
                            DictionaryUtil.passwords,
                            DictionaryUtil.male_names,
                            DictionaryUtil.female_names,
                            DictionaryUtil.surnames,
                            DictionaryUtil.english,
                            DictionaryUtil.eff_large)
                    .stream()
                    .map(file -> new Dictionary(
                            file.replace(".txt", "").replace('-', '_'),
                            DictionaryUtil.loadRankedDictionary(file),
                            false))
                    .toList();
        }

        /** Whether the estimator is in memory now. */
        static boolean inMemory() {
            return kept.get() != null;
        }
    }

    /** "abcdabcdabcd": a piece of at most a third of the password, repeated to fill it. */
    private static boolean repeatsAShortPiece(String password) {
        for (int piece = 1; piece <= password.length() / 3; piece++) {
            if (password.length() % piece == 0
                    && password.substring(0, piece)
                            .repeat(password.length() / piece)
                            .equals(password)) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> RUNS = List.of(
            "abcdefghijklmnopqrstuvwxyz",
            "01234567890",
            "qwertyuiop",
            "asdfghjkl",
            "zxcvbnm",
            "qwertzuiop",
            "azertyuiop",
            "1234567890-=",
            "!@#$%^&*()");

    /** The longest stretch of the password that follows a keyboard row or the alphabet, either way. */
    private static int longestRun(String password) {
        int longest = 0;
        for (String run : RUNS) {
            for (String line : List.of(run, new StringBuilder(run).reverse().toString())) {
                for (int start = 0; start < password.length(); start++) {
                    int length = 0;
                    int at = line.indexOf(password.charAt(start));
                    while (at >= 0
                            && start + length < password.length()
                            && at + length < line.length()
                            && line.charAt(at + length) == password.charAt(start + length)) {
                        length++;
                    }
                    longest = Math.max(longest, length);
                }
            }
        }
        return longest;
    }
}
