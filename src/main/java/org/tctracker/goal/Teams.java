package org.tctracker.goal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tctracker.account.TrackerUser;
import org.tctracker.people.PeopleDirectory;
import org.tctracker.people.PersonRef;
import org.tctracker.system.ChangeRefusedException;
import org.tctracker.system.RecordNotFoundException;
import org.tctracker.system.RecordsVersion;

/**
 * The project teams, their repositories and members. Loaded from a {@code projects.yaml} and
 * changed by admins; a team's id never changes, so its goal rows survive every reload.
 */
@Component
public class Teams {

    public static final int MAX_TAG_LENGTH = 40;

    private final JdbcClient jdbc;
    private final PeopleDirectory people;
    private final RecordsVersion records;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public Teams(
            JdbcClient jdbc,
            PeopleDirectory people,
            RecordsVersion records,
            Clock clock,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.people = people;
        this.records = records;
        this.clock = clock;
    }

    /** A team in the list of every team. */
    public record Listed(
            long id, String slug, String name, @Nullable String mailingTag, int repos, int members) {}

    /** A team with its repositories and members. */
    public record Team(
            long id,
            String slug,
            String name,
            @Nullable String mailingTag,
            List<ProjectsFile.Repo> repos,
            List<PersonRef> members) {}

    /** What loading a file did. */
    public record Loaded(int added, int updated, List<String> notInFile, int repos) {}

    public List<Listed> all() {
        return jdbc.sql("""
                        select t.id, t.slug, t.name, t.mailing_tag,
                               (select count(*) from team_repo r where r.team_id = t.id),
                               (select count(*) from team_member m where m.team_id = t.id)
                        from project_team t order by lower(t.name)""")
                .query((rs, n) -> new Listed(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6)))
                .list();
    }

    public Team get(String slug) {
        return find(slug).orElseThrow(() -> RecordNotFoundException.of("team", slug));
    }

    public Optional<Team> find(String slug) {
        Optional<Listed> listed = jdbc.sql("select id, slug, name, mailing_tag from project_team where slug = ?")
                .param(slug)
                .query((rs, n) -> new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), 0, 0))
                .optional();
        return listed.map(team -> {
            List<ProjectsFile.Repo> repos = jdbc.sql(
                            "select repo, deliverable from team_repo where team_id = ? order by repo")
                    .param(team.id())
                    .query((rs, n) -> new ProjectsFile.Repo(rs.getString(1), rs.getString(2)))
                    .list();
            List<Long> memberIds = jdbc.sql("select person_id from team_member where team_id = ?")
                    .param(team.id())
                    .query(Long.class)
                    .list();
            List<PersonRef> members = new ArrayList<>(people.byIds(memberIds).values());
            members.sort(java.util.Comparator.comparing(PersonRef::displayName, String.CASE_INSENSITIVE_ORDER));
            return new Team(team.id(), team.slug(), team.name(), team.mailingTag(), repos, List.copyOf(members));
        });
    }

    /** The ids of the teams a person belongs to. */
    public Set<Long> teamsOf(@Nullable Long personId) {
        if (personId == null) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql("select team_id from team_member where person_id = ?")
                .param(personId)
                .query(Long.class)
                .list());
    }

    /** Which team owns each repository. */
    Map<String, Long> repoOwners() {
        Map<String, Long> owners = new HashMap<>();
        jdbc.sql("select repo, team_id from team_repo").query(rs -> {
            owners.put(rs.getString(1), rs.getLong(2));
        });
        return owners;
    }

    /** The teams with these ids, by id, in name order. */
    Map<Long, Listed> byIds(Collection<Long> ids) {
        Map<Long, Listed> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select id, slug, name, mailing_tag from project_team where id in (:ids) order by lower(name)")
                .param("ids", List.copyOf(ids))
                .query(rs -> {
                    found.put(
                            rs.getLong(1),
                            new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), 0, 0));
                });
        return found;
    }

    /**
     * Loads a file's teams: a team already here (by its address) takes the file's name and
     * repositories, a new one is added, and one the file no longer names is kept as it is (its
     * goal rows are history). Every goal for every team gains a row for each new team.
     */
    public Loaded load(List<ProjectsFile.Entry> teams) {
        return java.util.Objects.requireNonNull(transactions.execute(status -> loadAtOnce(teams)));
    }

    private Loaded loadAtOnce(List<ProjectsFile.Entry> teams) {
        Instant now = clock.instant();
        Map<String, Long> existing = new HashMap<>();
        jdbc.sql("select slug, id from project_team").query(rs -> {
            existing.put(rs.getString(1), rs.getLong(2));
        });
        int added = 0;
        int updated = 0;
        int repos = 0;
        // A repository the file gives to another team than before moves with it.
        for (ProjectsFile.Entry team : teams) {
            for (ProjectsFile.Repo repo : team.repos()) {
                jdbc.sql("delete from team_repo where repo = ?")
                        .param(repo.name())
                        .update();
            }
        }
        for (ProjectsFile.Entry team : teams) {
            Long id = existing.get(team.slug());
            if (id == null) {
                jdbc.sql("insert into project_team (slug, name, created_at, updated_at) values (?, ?, ?, ?)")
                        .params(team.slug(), team.name(), at(now), at(now))
                        .update();
                id = jdbc.sql("select id from project_team where slug = ?")
                        .param(team.slug())
                        .query(Long.class)
                        .single();
                added++;
            } else {
                jdbc.sql("update project_team set name = ?, updated_at = ? where id = ?")
                        .params(team.name(), at(now), id)
                        .update();
                jdbc.sql("delete from team_repo where team_id = ?").param(id).update();
                updated++;
            }
            for (ProjectsFile.Repo repo : team.repos()) {
                jdbc.sql("insert into team_repo (repo, team_id, deliverable) values (?, ?, ?)")
                        .params(repo.name(), id, repo.deliverable())
                        .update();
                repos++;
            }
        }
        Set<String> inFile = ProjectsFile.bySlug(teams).keySet();
        List<String> notInFile =
                jdbc.sql("select name from project_team order by lower(name)").query(String.class).list().stream()
                        .filter(name -> !inFile.contains(ProjectsFile.slugOf(name)))
                        .toList();
        GoalRows.addMissingRows(jdbc, now);
        records.touch();
        return new Loaded(added, updated, notInFile, repos);
    }

    /** An admin's change to a team: its name, mailing-list tag, members (by IRC nick) and repositories. */
    public void revise(TrackerUser user, String slug, TeamDraft draft) {
        transactions.executeWithoutResult(status -> reviseAtOnce(user, slug, draft));
    }

    private void reviseAtOnce(TrackerUser user, String slug, TeamDraft draft) {
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only admins may change a team.");
        }
        Team team = get(slug);
        Instant now = clock.instant();
        if (!draft.name().equals(team.name())
                && jdbc.sql("select count(*) from project_team where lower(name) = lower(?) and id <> ?")
                                .params(draft.name(), team.id())
                                .query(Long.class)
                                .single()
                        > 0) {
            throw new ChangeRefusedException("name", "Another team is called " + draft.name() + ".");
        }
        Map<String, Long> nicks = new HashMap<>();
        people.all()
                .forEach(listed -> nicks.put(
                        listed.person().ircNick().toLowerCase(java.util.Locale.ROOT),
                        listed.person().id()));
        List<Long> members = new ArrayList<>();
        for (String nick : draft.memberNicks()) {
            Long person = nicks.get(nick.toLowerCase(java.util.Locale.ROOT));
            if (person == null) {
                throw new ChangeRefusedException("members", "Nobody here has the IRC nick " + nick + ".");
            }
            if (!members.contains(person)) {
                members.add(person);
            }
        }
        for (String repo : draft.repos()) {
            if (repo.length() > ProjectsFile.MAX_REPO_LENGTH
                    || !ProjectsFile.REPO.matcher(repo).matches()) {
                throw new ChangeRefusedException(
                        "repos", "\"" + repo + "\" is not a repository name like openstack/nova.");
            }
            Optional<String> owner = jdbc.sql("select t.name from team_repo r join project_team t on t.id = r.team_id"
                            + " where r.repo = ? and r.team_id <> ?")
                    .params(repo, team.id())
                    .query(String.class)
                    .optional();
            if (owner.isPresent()) {
                throw new ChangeRefusedException("repos", repo + " belongs to " + owner.get() + ".");
            }
        }
        Map<String, String> deliverables = new HashMap<>();
        team.repos().forEach(repo -> {
            if (repo.deliverable() != null) {
                deliverables.put(repo.name(), repo.deliverable());
            }
        });
        jdbc.sql("update project_team set name = ?, mailing_tag = ?, updated_at = ? where id = ?")
                .params(draft.name(), draft.mailingTag(), at(now), team.id())
                .update();
        jdbc.sql("delete from team_repo where team_id = ?").param(team.id()).update();
        for (String repo : new LinkedHashSet<>(draft.repos())) {
            jdbc.sql("insert into team_repo (repo, team_id, deliverable) values (?, ?, ?)")
                    .params(repo, team.id(), deliverables.get(repo))
                    .update();
        }
        jdbc.sql("delete from team_member where team_id = ?").param(team.id()).update();
        for (Long person : members) {
            jdbc.sql("insert into team_member (team_id, person_id) values (?, ?)")
                    .params(team.id(), person)
                    .update();
        }
        records.touch();
    }

    /** What an admin typed for a team. */
    public record TeamDraft(String name, @Nullable String mailingTag, List<String> memberNicks, List<String> repos) {}

    static java.time.OffsetDateTime at(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
