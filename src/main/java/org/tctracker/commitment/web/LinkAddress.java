package org.tctracker.commitment.web;

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
import org.tctracker.commitment.WebAddress;

/** A link's address, held to {@link WebAddress}'s rules, with the message that names what is wrong. */
@Documented
@Constraint(validatedBy = LinkAddress.Check.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface LinkAddress {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<LinkAddress, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            Optional<String> problem = WebAddress.problemWith(value == null ? "" : value);
            problem.ifPresent(message -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(escaped(message)).addConstraintViolation();
            });
            return problem.isEmpty();
        }

        /** The message as Bean Validation's template: its braces and dollars taken literally. */
        static String escaped(String message) {
            return message.replace("\\", "\\\\")
                    .replace("{", "\\{")
                    .replace("}", "\\}")
                    .replace("$", "\\$");
        }
    }
}
