package org.tctracker.cycle;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What may stand in a cycle's address, /cycles/{slug}: lower-case letters, digits, dashes and
 * single dots, so OpenStack's series names such as 2027.1 fit; not "new", which is the form's
 * address; and no ending that names one of the files scripts fetch.
 */
@Documented
@Constraint(validatedBy = CycleAddress.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface CycleAddress {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<CycleAddress, String> {

        private static final Pattern SHAPE = Pattern.compile(
                "[a-z0-9](?:[a-z0-9-]|\\.(?!\\.)){0," + (Cycle.MAX_SLUG_LENGTH - 2) + "}[a-z0-9]|[a-z0-9]");

        /** Why this cannot be a cycle's address, if it cannot. */
        public static Optional<String> problemWith(String slug) {
            if (!SHAPE.matcher(slug).matches() || slug.equals("new")) {
                return Optional.of("Use lower-case letters, digits, dashes and dots, as in “mitaka” or"
                        + " “2027.1-gazpacho” (not “new”).");
            }
            if (slug.endsWith(".md") || slug.endsWith(".csv") || slug.endsWith(".atom")) {
                return Optional.of("An address cannot end in .md, .csv or .atom, which name files.");
            }
            return Optional.empty();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            Optional<String> problem = value == null ? Optional.empty() : problemWith(value);
            problem.ifPresent(message -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            });
            return problem.isEmpty();
        }
    }
}
