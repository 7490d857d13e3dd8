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
    static final int MAX_TITLE_LENGTH = SpecLink.MAX_TITLE_LENGTH;

    private String title = "";
    private String url = "";
    /** Empty means "guess from the address". */
    private @Nullable LinkKind kind;

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
        validate(result, "");
    }

    /**
     * Records this link's problems under {@code path} ("" for the link form, "links[1]." in the
     * commitment form). An address typed without a scheme gets https://, and a link left without
     * a title is named after its address.
     */
    void validate(BindingResult result, String path) {
        title = title.strip();
        url = WebAddress.completed(url);
        Optional<String> problem = WebAddress.problemWith(url);
        problem.ifPresent(message -> result.rejectValue(path + "url", "address", message));
        if (title.isEmpty() && problem.isEmpty()) {
            title = titleFrom(new WebAddress(url));
        }
        if (title.isEmpty()) {
            if (problem.isEmpty()) {
                result.rejectValue(path + "title", "required", "Give the link a title.");
            }
        } else if (title.length() > MAX_TITLE_LENGTH) {
            result.rejectValue(path + "title", "length", "Keep the title to " + MAX_TITLE_LENGTH + " characters.");
        } else if (title.chars().anyMatch(Character::isISOControl)) {
            result.rejectValue(path + "title", "control", "Remove the control characters from the title.");
        }
        if (state == null && !result.hasFieldErrors(path + "state")) {
            result.rejectValue(path + "state", "required", "Choose a state.");
        }
    }

    /** A name for a link from its address: host and path, as long as a title may be. */
    static String titleFrom(WebAddress address) {
        String path = address.path().replaceAll("/+$", "");
        String name = address.host() + path;
        return name.length() > MAX_TITLE_LENGTH ? name.substring(0, MAX_TITLE_LENGTH - 1) + "…" : name;
    }

    LinkDraft draft() {
        WebAddress address = new WebAddress(url);
        return new LinkDraft(
                title,
                address,
                kind != null ? kind : LinkKind.guessFrom(address).orElse(LinkKind.OTHER),
                state == null ? LinkState.DRAFT : state);
    }

    /** Nothing was typed in this link's fields (an unused row of the commitment form). */
    boolean isBlank() {
        return title.isBlank() && url.isBlank();
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
