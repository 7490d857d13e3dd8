package org.tctracker.commitment.web;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;
import org.tctracker.commitment.LinkDraft;
import org.tctracker.commitment.LinkKind;
import org.tctracker.commitment.LinkState;
import org.tctracker.commitment.SpecLink;
import org.tctracker.commitment.WebAddress;

/** The fields of a spec link, as typed. */
public class LinkForm {

    static final String[] FIELDS = {"title", "url", "kind", "state", "version"};
    static final int MAX_TITLE_LENGTH = 200;

    private String title = "";
    private String url = "";
    private @Nullable LinkKind kind = LinkKind.SPEC;
    private @Nullable LinkState state = LinkState.DRAFT;
    private @Nullable Long version;

    static LinkForm of(SpecLink link) {
        LinkForm form = new LinkForm();
        form.title = link.getTitle();
        form.url = link.getUrl();
        form.kind = link.getKind();
        form.state = link.getState();
        form.version = link.getVersion();
        return form;
    }

    void validate(BindingResult result) {
        title = title.strip();
        url = url.strip();
        if (title.isEmpty()) {
            result.rejectValue("title", "required", "Give the link a title.");
        } else if (title.length() > MAX_TITLE_LENGTH) {
            result.rejectValue("title", "length", "Keep the title to " + MAX_TITLE_LENGTH + " characters.");
        } else if (title.chars().anyMatch(Character::isISOControl)) {
            result.rejectValue("title", "control", "Remove the control characters from the title.");
        }
        Optional<String> problem = WebAddress.problemWith(url);
        problem.ifPresent(message -> result.rejectValue("url", "address", message));
        if (kind == null && !result.hasFieldErrors("kind")) {
            result.rejectValue("kind", "required", "Choose a kind.");
        }
        if (state == null && !result.hasFieldErrors("state")) {
            result.rejectValue("state", "required", "Choose a state.");
        }
    }

    LinkDraft draft() {
        return new LinkDraft(
                title,
                new WebAddress(url),
                kind == null ? LinkKind.OTHER : kind,
                state == null ? LinkState.DRAFT : state);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title == null ? "" : title;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url == null ? "" : url;
    }

    public @Nullable LinkKind getKind() {
        return kind;
    }

    public void setKind(@Nullable LinkKind kind) {
        this.kind = kind;
    }

    public @Nullable LinkState getState() {
        return state;
    }

    public void setState(@Nullable LinkState state) {
        this.state = state;
    }

    public @Nullable Long getVersion() {
        return version;
    }

    public void setVersion(@Nullable Long version) {
        this.version = version;
    }
}
