package org.tctracker.commitment.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentDraft;
import org.tctracker.commitment.LinkDraft;
import org.tctracker.commitment.Status;
import org.tctracker.people.Person;
import org.tctracker.system.FieldErrors;
import org.tctracker.system.PlainText;
import org.tctracker.system.PlausibleDate;

/** The fields of the commitment form, as typed; checked before anything is stored. */
public class CommitmentForm {

    static final String[] FIELDS = {
        "cycleId",
        "title",
        "summary",
        "ownerId",
        "collaboratorIds",
        "status",
        "targetDate",
        "position",
        "version",
        "links[*].url",
        "links[*].title"
    };

    /** How many links the new-commitment form offers; more are added on the commitment's page. */
    static final int NEW_LINK_ROWS = 3;

    private static final String CONTROL = "Remove the control characters from the text.";

    private @Nullable Long cycleId;

    @NotBlank(message = "Give the commitment a title.")
    @Size(max = Commitment.MAX_TITLE_LENGTH, message = "Keep the title to {max} characters.")
    @PlainText(message = CONTROL)
    private String title = "";

    @Size(max = Commitment.MAX_SUMMARY_LENGTH, message = "Keep the summary to {max} characters.")
    @PlainText(lines = true, message = CONTROL)
    private String summary = "";

    @NotNull(message = "Choose who owns the commitment.")
    private @Nullable Long ownerId;

    private List<Long> collaboratorIds = new ArrayList<>();

    @NotNull(message = "Choose a status.")
    private @Nullable Status status = Status.NOT_STARTED;

    @PlausibleDate
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate targetDate;

    @Min(value = 1, message = "Positions start at 1.")
    private @Nullable Integer position;

    private @Nullable Long version;

    /** Links typed into the new-commitment form; blank rows are ignored. */
    private List<LinkForm> links = new ArrayList<>();

    /** A blank form for a new commitment, with room for a few links. */
    static CommitmentForm blank() {
        CommitmentForm form = new CommitmentForm();
        for (int i = 0; i < NEW_LINK_ROWS; i++) {
            form.links.add(new LinkForm());
        }
        return form;
    }

    /** Records every problem beside its field; the tracker's limits match the database's. */
    void check(Validator validator, BindingResult result) {
        FieldErrors.check(validator, this, result);
    }

    /** Checks the links typed into the new-commitment form, each beside its own fields. */
    void checkLinks(Validator validator, BindingResult result) {
        if (links.size() > NEW_LINK_ROWS) {
            result.reject("links", "Add up to " + NEW_LINK_ROWS + " links here, and more on the commitment's page.");
            return;
        }
        for (int i = 0; i < links.size(); i++) {
            if (!links.get(i).isBlank()) {
                links.get(i).check(validator, result, "links[" + i + "].");
            }
        }
    }

    List<LinkDraft> linkDrafts() {
        return links.stream()
                .filter(link -> !link.isBlank())
                .map(LinkForm::draft)
                .toList();
    }

    public List<LinkForm> getLinks() {
        return links;
    }

    public void setLinks(@Nullable List<LinkForm> links) {
        this.links = links == null ? new ArrayList<>() : links;
    }

    static CommitmentForm of(Commitment commitment) {
        CommitmentForm form = new CommitmentForm();
        form.cycleId = commitment.getCycle().getId();
        form.title = commitment.getTitle();
        form.summary = commitment.getSummary();
        form.ownerId = commitment.getOwner().getId();
        form.collaboratorIds = new ArrayList<>(
                commitment.getCollaborators().stream().map(Person::getId).toList());
        form.status = commitment.getStatus();
        form.targetDate = commitment.getTargetDate();
        form.position = commitment.getPosition();
        form.version = commitment.getVersion();
        return form;
    }

    CommitmentDraft draft() {
        return new CommitmentDraft(
                title,
                summary.replace("\r\n", "\n"),
                ownerId == null ? -1 : ownerId,
                collaboratorIds.stream().filter(java.util.Objects::nonNull).toList(),
                status == null ? Status.NOT_STARTED : status,
                targetDate);
    }

    public @Nullable Long getCycleId() {
        return cycleId;
    }

    public void setCycleId(@Nullable Long cycleId) {
        this.cycleId = cycleId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title == null ? "" : title.strip();
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(@Nullable String summary) {
        this.summary = summary == null ? "" : summary;
    }

    public @Nullable Long getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(@Nullable Long ownerId) {
        this.ownerId = ownerId;
    }

    public List<Long> getCollaboratorIds() {
        return collaboratorIds;
    }

    public void setCollaboratorIds(@Nullable List<Long> collaboratorIds) {
        this.collaboratorIds = collaboratorIds == null ? new ArrayList<>() : collaboratorIds;
    }

    public @Nullable Status getStatus() {
        return status;
    }

    public void setStatus(@Nullable Status status) {
        this.status = status;
    }

    public @Nullable LocalDate getTargetDate() {
        return targetDate;
    }

    public void setTargetDate(@Nullable LocalDate targetDate) {
        this.targetDate = targetDate;
    }

    public @Nullable Integer getPosition() {
        return position;
    }

    public void setPosition(@Nullable Integer position) {
        this.position = position;
    }

    public @Nullable Long getVersion() {
        return version;
    }

    public void setVersion(@Nullable Long version) {
        this.version = version;
    }
}
