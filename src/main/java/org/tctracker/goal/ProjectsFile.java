package org.tctracker.goal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The project teams of a file in the format of the governance repository's
 * {@code reference/projects.yaml}: each team's name maps to its details, whose {@code deliverables}
 * map each deliverable to its {@code repos}. Everything else in the file (the PTL, the mission, the
 * tags) is not the tracker's business and is ignored. Read with SnakeYAML's safe constructor, so a
 * file can hold only maps, lists and scalars.
 */
public final class ProjectsFile {

    /** Gerrit's project names: a namespace and a name. */
    static final Pattern REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)+");

    public static final int MAX_NAME_LENGTH = 120;
    public static final int MAX_REPO_LENGTH = 200;

    /** A repository and the deliverable it is part of. */
    public record Repo(String name, @Nullable String deliverable) {}

    /** A team as the file gives it. */
    public record Entry(String name, String slug, List<Repo> repos) {}

    /** What a file holds, or everything wrong with it. */
    public record Reading(List<Entry> teams, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private ProjectsFile() {}

    /** The slug of a team's name: "Puppet OpenStack" is {@code puppet-openstack}. */
    public static String slugOf(String name) {
        String slug = name.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.length() > 80 ? slug.substring(0, 80) : slug;
    }

    public static Reading read(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options)).load(text);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            String where = e.getProblemMark() == null
                    ? ""
                    : " (line " + (e.getProblemMark().getLine() + 1) + ")";
            return new Reading(List.of(), List.of("the file is not valid YAML: " + firstLine(e.getProblem()) + where));
        } catch (YAMLException e) {
            return new Reading(List.of(), List.of("the file is not valid YAML: " + firstLine(e.getMessage())));
        }
        List<String> problems = new ArrayList<>();
        if (!(document instanceof Map<?, ?> teams) || teams.isEmpty()) {
            return new Reading(List.of(), List.of("the file does not map team names to their details"));
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, String> teamOfRepo = new HashMap<>();
        Map<String, String> nameOfSlug = new HashMap<>();
        for (Map.Entry<?, ?> team : teams.entrySet()) {
            if (!(team.getKey() instanceof String name) || name.isBlank()) {
                problems.add("a team without a name: " + shorten(String.valueOf(team.getKey())));
                continue;
            }
            String where = "team \"" + shorten(name) + "\"";
            if (name.strip().length() > MAX_NAME_LENGTH) {
                problems.add(where + ": the name is longer than " + MAX_NAME_LENGTH + " characters");
                continue;
            }
            String slug = slugOf(name);
            if (slug.isEmpty()) {
                problems.add(where + ": the name has no letters or digits");
                continue;
            }
            String earlier = nameOfSlug.putIfAbsent(slug, name);
            if (earlier != null) {
                problems.add(where + ": its address would be the same as team \"" + shorten(earlier) + "\"'s");
                continue;
            }
            if (!(team.getValue() instanceof Map<?, ?> details)) {
                problems.add(where + ": not a map of the team's details");
                continue;
            }
            if (!(details.get("deliverables") instanceof Map<?, ?> deliverables)) {
                problems.add(where + ": no deliverables, or they are not a map");
                continue;
            }
            List<Repo> repos = new ArrayList<>();
            for (Map.Entry<?, ?> deliverable : deliverables.entrySet()) {
                String deliverableName = String.valueOf(deliverable.getKey());
                String at = where + ", deliverable \"" + shorten(deliverableName) + "\"";
                if (!(deliverable.getValue() instanceof Map<?, ?> parts)) {
                    problems.add(at + ": not a map");
                    continue;
                }
                Object listed = parts.get("repos");
                if (listed == null) {
                    continue;
                }
                if (!(listed instanceof List<?> names)) {
                    problems.add(at + ": repos is not a list");
                    continue;
                }
                for (Object repo : names) {
                    if (!(repo instanceof String repoName)
                            || repoName.length() > MAX_REPO_LENGTH
                            || !REPO.matcher(repoName).matches()) {
                        problems.add(at + ": \"" + shorten(String.valueOf(repo))
                                + "\" is not a repository name like openstack/nova");
                        continue;
                    }
                    String owner = teamOfRepo.putIfAbsent(repoName, name);
                    if (owner != null) {
                        problems.add(at + ": " + repoName + " is already team \"" + shorten(owner) + "\"'s");
                        continue;
                    }
                    repos.add(new Repo(repoName, shorten(deliverableName, 120)));
                }
            }
            entries.add(new Entry(name.strip(), slug, List.copyOf(repos)));
        }
        return new Reading(List.copyOf(entries), List.copyOf(problems));
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return shorten(end < 0 ? message : message.substring(0, end), 200);
    }

    private static String shorten(String text) {
        return shorten(text, 60);
    }

    private static String shorten(String text, int max) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > max ? clean.substring(0, max - 1) + "…" : clean;
    }

    /** The file's teams by slug, in the file's order. */
    static Map<String, Entry> bySlug(List<Entry> teams) {
        Map<String, Entry> found = new LinkedHashMap<>();
        teams.forEach(team -> found.put(team.slug(), team));
        return found;
    }
}
