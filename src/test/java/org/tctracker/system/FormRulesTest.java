package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/** The rules the forms share, as a person filling one in meets them. */
class FormRulesTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @DateRange(from = "opens", to = "closes", message = "It closes after it opens.")
    public static class Window {
        @PlausibleDate
        private @Nullable LocalDate opens;

        @PlausibleDate
        private @Nullable LocalDate closes;

        Window(@Nullable LocalDate opens, @Nullable LocalDate closes) {
            this.opens = opens;
            this.closes = closes;
        }

        public @Nullable LocalDate getOpens() {
            return opens;
        }

        public @Nullable LocalDate getCloses() {
            return closes;
        }
    }

    static BindingResult check(Window window) {
        BindingResult result = new BeanPropertyBindingResult(window, "form");
        FieldErrors.check(VALIDATOR, window, result);
        return result;
    }

    @Test
    void datesOutOfOrderAreNamedBesideTheLaterOne() {
        BindingResult result = check(new Window(LocalDate.of(2016, 4, 7), LocalDate.of(2015, 10, 15)));

        assertThat(result.getFieldErrors()).singleElement().satisfies(error -> {
            assertThat(error.getField()).isEqualTo("closes");
            assertThat(error.getDefaultMessage()).isEqualTo("It closes after it opens.");
        });
    }

    @Test
    void oneDayAfterIsInOrderAndAMissingDateIsLeftToItsOwnRule() {
        assertThat(check(new Window(LocalDate.of(2015, 10, 15), LocalDate.of(2015, 10, 16)))
                        .hasErrors())
                .isFalse();
        assertThat(check(new Window(null, LocalDate.of(2015, 10, 16))).hasErrors())
                .isFalse();
        assertThat(check(new Window(LocalDate.of(2015, 10, 15), LocalDate.of(2015, 10, 15)))
                        .getFieldError("closes"))
                .isNotNull();
    }

    @Test
    void aYearOutsideAnyCycleIsATypingMistakeAndSaysSoOnce() {
        BindingResult result = check(new Window(LocalDate.of(2015, 10, 15), LocalDate.of(1989, 12, 31)));

        assertThat(result.getFieldErrors("closes"))
                .extracting(error -> error.getDefaultMessage())
                .containsExactly("Enter a date between 1990 and 2999.");
        assertThat(check(new Window(LocalDate.of(1990, 1, 1), LocalDate.of(2999, 12, 31)))
                        .hasErrors())
                .isFalse();
    }

    @Test
    void anEditFormWithoutItsVersionCannotBeSaved() {
        BindingResult result = new BeanPropertyBindingResult(new Window(null, null), "form");

        FieldErrors.requireLoadedVersion(null, result);
        FieldErrors.requireLoadedVersion(3L, result);

        assertThat(result.getGlobalErrors())
                .extracting(error -> error.getDefaultMessage())
                .containsExactly("The form is missing the version it was loaded with; reload it and try again.");
    }
}
