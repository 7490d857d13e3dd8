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
import org.springframework.beans.BeanWrapperImpl;

/**
 * Two dates of a form in order: the one named by {@link #to()} comes after the one named by
 * {@link #from()}. The message stands beside the later date's field. Either left empty is for
 * that field's own rules to say.
 */
@Documented
@Constraint(validatedBy = DateRange.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DateRange {

    String from();

    String to();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<DateRange, Object> {

        private String from = "";
        private String to = "";

        @Override
        public void initialize(DateRange annotation) {
            this.from = annotation.from();
            this.to = annotation.to();
        }

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            BeanWrapperImpl form = new BeanWrapperImpl(value);
            if (!(form.getPropertyValue(from) instanceof LocalDate first)
                    || !(form.getPropertyValue(to) instanceof LocalDate last)
                    || last.isAfter(first)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode(to)
                    .addConstraintViolation();
            return false;
        }
    }
}
