package org.tctracker.goal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tctracker.goal.ProjectsFile;
import org.tctracker.goal.Teams;

/** A team as an admin edits it: the members and repositories one to a line (or separated by commas). */
public class TeamForm {

    @NotBlank(message = "Give the team a name.")
    @Size(max = ProjectsFile.MAX_NAME_LENGTH, message = "Up to 120 characters.")
    private String name = "";

    @Size(max = Teams.MAX_TAG_LENGTH, message = "Up to 40 characters, such as [nova].")
    private @Nullable String mailingTag;

    private String members = "";
    private String repos = "";

    static TeamForm of(Teams.Team team) {
        TeamForm form = new TeamForm();
        form.name = team.name();
        form.mailingTag = team.mailingTag();
        form.members = team.members().stream().map(p -> p.ircNick()).collect(Collectors.joining("\n"));
        form.repos = team.repos().stream().map(ProjectsFile.Repo::name).collect(Collectors.joining("\n"));
        return form;
    }

    Teams.TeamDraft draft() {
        String tag = mailingTag == null || mailingTag.isBlank() ? null : mailingTag.strip();
        return new Teams.TeamDraft(name.strip(), tag, lines(members), lines(repos));
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("[\\s,]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name == null ? "" : name;
    }

    public @Nullable String getMailingTag() {
        return mailingTag;
    }

    public void setMailingTag(@Nullable String mailingTag) {
        this.mailingTag = mailingTag;
    }

    public String getMembers() {
        return members;
    }

    public void setMembers(@Nullable String members) {
        this.members = members == null ? "" : members;
    }

    public String getRepos() {
        return repos;
    }

    public void setRepos(@Nullable String repos) {
        this.repos = repos == null ? "" : repos;
    }
}
