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
import java.time.LocalDate;

/**
 * A date some release cycle could hold. One far outside is a typing mistake (2105 for 2015), and
 * beyond what both databases store alike. The forms, the import and the weeks all keep to it.
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

    int FIRST_YEAR = 1990;
    int LAST_YEAR = 2999;

    String message() default "Enter a date between " + FIRST_YEAR + " and " + LAST_YEAR + ".";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule, for Bean Validation and for the import, which checks files by hand. */
    class Check implements ConstraintValidator<PlausibleDate, LocalDate> {

        public static boolean isPlausibleYear(int year) {
            return year >= FIRST_YEAR && year <= LAST_YEAR;
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || isPlausibleYear(value.getYear());
        }
    }
}
