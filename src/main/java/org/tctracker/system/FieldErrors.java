package org.tctracker.system;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * Puts Bean Validation's findings about a form's value beside the form's fields. A field that
 * already failed to bind (a number that is not one) keeps that message alone.
 */
public final class FieldErrors {

    /** Why an edit form without the version it was loaded with cannot be saved. */
    public static final String MISSING_VERSION =
            "The form is missing the version it was loaded with; reload it and try again.";

    private FieldErrors() {}

    /** Validates a form and records each problem beside its field. */
    public static <T> void check(Validator validator, T form, BindingResult result) {
        check(validator, form, result, "");
    }

    /**
     * An edit form must say which version of the record it was loaded with, or a save could
     * overwrite someone else's change unseen.
     */
    public static void requireLoadedVersion(@Nullable Long version, BindingResult result) {
        if (version == null) {
            result.reject("version", MISSING_VERSION);
        }
    }

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
            case "Size", "Min", "Max", "PlausibleDate" -> 1;
            default -> 2;
        };
    }
}
