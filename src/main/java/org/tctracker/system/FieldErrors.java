package org.tctracker.system;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.validation.BindingResult;

/**
 * Puts Bean Validation's findings about a form's value beside the form's fields. A field that
 * already failed to bind (a number that is not one) keeps that message alone.
 */
public final class FieldErrors {

    private FieldErrors() {}

    /** Validates the value and records each problem under {@code prefix} (such as "rows[2]." or ""). */
    public static <T> void check(Validator validator, T value, BindingResult result, String prefix) {
        List<ConstraintViolation<T>> violations = new ArrayList<>(validator.validate(value));
        // One message a field, and the same one each time: "required" before "too long" before the rest.
        violations.sort(Comparator.comparingInt(FieldErrors::rank));
        for (ConstraintViolation<T> violation : violations) {
            String field = prefix + violation.getPropertyPath();
            if (!result.hasFieldErrors(field)) {
                result.rejectValue(
                        field,
                        violation
                                .getConstraintDescriptor()
                                .getAnnotation()
                                .annotationType()
                                .getSimpleName(),
                        violation.getMessage());
            }
        }
    }

    private static int rank(ConstraintViolation<?> violation) {
        String constraint = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getSimpleName();
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> 0;
            case "Size", "Min", "Max" -> 1;
            default -> 2;
        };
    }
}
