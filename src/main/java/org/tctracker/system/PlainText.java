package org.tctracker.system;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text without control characters: they cannot be typed, only pasted or forged, and they would
 * reach the command line's output and the feeds. Line breaks and tabs are allowed where
 * {@link #lines()} says so (notes, summaries), never in a title or a name.
 */
@Documented
@Constraint(validatedBy = PlainText.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "Remove the control characters from the text.";

    /** Whether line breaks and tabs may stand in the text. */
    boolean lines() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule, for Bean Validation and for the places that check text by hand. */
    class Check implements ConstraintValidator<PlainText, CharSequence> {

        public static boolean isPlain(CharSequence text, boolean lines) {
            return text.chars()
                    .noneMatch(c -> Character.isISOControl(c) && !(lines && (c == '\n' || c == '\r' || c == '\t')));
        }

        private boolean lines;

        @Override
        public void initialize(PlainText annotation) {
            this.lines = annotation.lines();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || isPlain(value, lines);
        }
    }
}
