package org.tctracker.commitment.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;
import org.tctracker.commitment.LinkDraft;
import org.tctracker.commitment.LinkKind;
import org.tctracker.commitment.LinkState;
import org.tctracker.commitment.SpecLink;
import org.tctracker.commitment.WebAddress;
import org.tctracker.system.FieldErrors;
import org.tctracker.system.PlainText;

/** The fields of a spec link, as typed. */
public class LinkForm {

    static final String[] FIELDS = {"title", "url", "kind", "state", "follow", "version"};
    static final int MAX_TITLE_LENGTH = SpecLink.MAX_TITLE_LENGTH;

    @Size(max = MAX_TITLE_LENGTH, message = "Keep the title to {max} characters.")
    @PlainText(message = "Remove the control characters from the title.")
    private String title = "";

    @LinkAddress
    private String url = "";

    /** Empty means "guess from the address". */
    private @Nullable LinkKind kind;

    @NotNull(message = "Choose a state.")
    private @Nullable LinkState state = LinkState.DRAFT;

    /** For a link a source serves: its state is the source's (true) or typed here (false). */
    private boolean follow = true;

    private @Nullable Long version;

    static LinkForm of(SpecLink link) {
        LinkForm form = new LinkForm();
        form.title = link.getTitle();
        form.url = link.getUrl();
        form.kind = link.getKind();
        form.state = link.getState();
        form.version = link.getVersion();
        form.follow = !link.isDetached();
        return form;
    }

    void check(Validator validator, BindingResult result) {
        check(validator, result, "");
    }

    /**
     * Records this link's problems under {@code path} ("" for the link form, "links[1]." in the
     * commitment form). An address typed without a scheme gets https://, and a link left without
     * a title is named after its address; only a link whose address is wrong too lacks one.
     */
    void check(Validator validator, BindingResult result, String path) {
        url = WebAddress.completed(url);
        boolean addressed = WebAddress.problemWith(url).isEmpty();
        if (title.isEmpty() && addressed) {
            title = titleFrom(new WebAddress(url));
        }
        FieldErrors.check(validator, this, result, path);
        if (title.isEmpty() && addressed) {
            result.rejectValue(path + "title", "required", "Give the link a title.");
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
        this.title = title == null ? "" : title.strip();
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

    public boolean isFollow() {
        return follow;
    }

    public void setFollow(boolean follow) {
        this.follow = follow;
    }

    public @Nullable Long getVersion() {
        return version;
    }

    public void setVersion(@Nullable Long version) {
        this.version = version;
    }
}
