package org.tctracker.system;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * How a form's post ends, the same on every form. A form that passed its checks is saved and the
 * person goes where the save leads. A record someone saved since the form was loaded answers the
 * conflict page (409), the person's input beside what is stored. A form with problems, or one the
 * rules refuse, comes back (400) with each reason beside its field. Only a save that succeeded
 * stores anything.
 */
public final class FormPost {

    private final BindingResult result;
    private final Model model;
    private final HttpServletResponse response;

    private FormPost(BindingResult result, Model model, HttpServletResponse response) {
        this.result = result;
        this.model = model;
        this.response = response;
    }

    public static FormPost of(BindingResult result, Model model, HttpServletResponse response) {
        return new FormPost(result, model, response);
    }

    /** Saves a new record; {@code save} answers where to go next, {@code formAgain} the form's view. */
    public String save(Supplier<String> save, Supplier<String> formAgain) {
        return submit(save, null, formAgain);
    }

    /**
     * Saves an edit; when the record changed meanwhile, {@code conflict} describes it from what is
     * stored now.
     */
    public <T> String saveEdit(Supplier<String> save, Function<T, EditConflict> conflict, Supplier<String> formAgain) {
        return submit(save, conflict, formAgain);
    }

    private <T> String submit(
            Supplier<String> save, @Nullable Function<T, EditConflict> conflict, Supplier<String> formAgain) {
        if (!result.hasErrors()) {
            try {
                return save.get();
            } catch (StaleEditException stale) {
                if (conflict == null) {
                    throw stale;
                }
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("conflict", conflict.apply(stale.<T>stored()));
                return "conflict";
            } catch (ChangeRefusedException refused) {
                result.rejectValue(refused.field(), "refused", refused.getMessage());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return formAgain.get();
    }
}
