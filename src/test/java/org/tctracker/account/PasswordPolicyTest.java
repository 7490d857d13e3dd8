package org.tctracker.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.problemWith("stabilisation cycle 9", "lifeless")).isEmpty();
        assertThat(policy.problemWith("Ünïcödé pässwörd ✓", "lifeless")).isEmpty();
    }

    @Test
    void refusesShortOnes() {
        assertThat(policy.problemWith("short pass", "lifeless")).contains("Use at least 12 characters.");
    }

    @Test
    void refusesOverlongOnesThatBcryptWouldCutShort() {
        assertThat(policy.problemWith("x1y2z3".repeat(11), "lifeless")).contains("Use at most 64 characters.");
        assertThat(policy.problemWith("ü1".repeat(30), "lifeless"))
                .contains("This password is 60 characters, but its accented or non-Latin letters make it longer"
                        + " than the 72 bytes a password may take; use fewer characters.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "PASSWORD1234", "qwertyuiop123", "openstack123", "1q2w3e4r5t6y"})
    void refusesCommonOnesWhateverTheCase(String password) {
        assertThat(policy.problemWith(password, "lifeless"))
                .contains("This password is among the most common ones; choose another.");
    }

    @Test
    void refusesOnesContainingTheUsername() {
        assertThat(policy.problemWith("my-lifeless-secret", "lifeless"))
                .contains("The password must not contain the username.");
    }

    @Test
    void refusesOnesOfAFewRepeatedCharacters() {
        assertThat(policy.problemWith("abababababab", "lifeless"))
                .contains("Use more than a few different characters.");
    }

    /** Common words, names, dates and leetspeak that no short list holds, found by nbvcxz's estimate. */
    @ParameterizedTest
    @ValueSource(
            strings = {"iloveyou2015", "Summer2015!!", "jennifer1985", "correct horse battery staple", "p@ssw0rd2016!"})
    void refusesOnesEasyToGuessByTheEstimate(String password) {
        assertThat(policy.problemWith(password, "lifeless"))
                .contains("This password would be guessed too soon: it is mostly common words, names, dates or"
                        + " patterns. Add a word or a few characters of your own.");
    }

    @Test
    void refusesARepeatedPieceAndRunsAlongTheKeyboard() {
        assertThat(policy.problemWith("abcdabcdabcd", "lifeless"))
                .contains("Do not just repeat a short piece; choose another.");
        assertThat(policy.problemWith("qwertyuiop12", "lifeless"))
                .contains("Avoid long runs along the keyboard or the alphabet; choose another.");
        assertThat(policy.problemWith("lmnopqrstu99", "lifeless"))
                .contains("Avoid long runs along the keyboard or the alphabet; choose another.");
        assertThat(policy.problemWith("a fresh start for the chair", "lifeless"))
                .isEmpty();
    }

    @Test
    void theCheckersDictionariesAreNotPinnedInMemoryOnceAPasswordHasBeenChecked() {
        assertThat(new PasswordPolicy().problemWith("a bright new cycle begins", "chair"))
                .isEmpty();

        assertThat(PasswordPolicy.Estimate.inMemory()).isTrue();
        // Only the softly held estimator refers to them now: nbvcxz's static list is empty.
        assertThat(me.gosimple.nbvcxz.resources.ConfigurationBuilder.getDefaultDictionaries())
                .isEmpty();
        assertThat(new PasswordPolicy().problemWith("password1234", "chair")).isPresent();
    }
}
