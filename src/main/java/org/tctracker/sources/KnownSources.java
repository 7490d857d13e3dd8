package org.tctracker.sources;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tctracker.commitment.LinkSources;
import org.tctracker.commitment.SourceKind;
import org.tctracker.commitment.WebAddress;

/**
 * Which configured source serves an address, and where its API tells about it. Each source knows
 * its own addresses: a Gerrit change is {@code /c/<project>/+/<number>} (or the older
 * {@code /#/c/<number>/}), a Launchpad blueprint {@code /<project>/+spec/<name>} and a bug
 * {@code …/+bug/<id>}, a StoryBoard story {@code /#!/story/<id>}, and a page of
 * specs.openstack.org says its state in its path ({@code …/approved/…}, {@code …/implemented/…}).
 */
@Component
public class KnownSources implements LinkSources {

    static final String SPECS_SITE = "https://specs.openstack.org";

    private static final Pattern GERRIT_CHANGE = Pattern.compile(
            "/(?:#/)?c/(?<project>[^#?]+?)/\\+/(?<number>\\d{1,10})(?:[/?#].*)?|/(?:#/)?c/(?<bare>\\d{1,10})(?:[/?#].*)?"
                    + "|/(?<short>\\d{1,10})/?");
    private static final Pattern BLUEPRINT =
            Pattern.compile("/(?<project>[a-z0-9][a-z0-9+.-]*)/\\+spec/(?<name>[a-z0-9][a-z0-9+.-]*)/?(?:[?#].*)?");
    private static final Pattern BUG =
            Pattern.compile("(?:/(?<target>[a-z0-9][a-z0-9+./-]*?))?/\\+bug/(?<id>\\d{1,10})/?(?:[?#].*)?");
    private static final Pattern STORY = Pattern.compile("/#!/story/(?<id>\\d{1,10})(?:/.*)?");
    private static final Pattern SPECS_PAGE = Pattern.compile(
            "/[^/]+/(?<repo>[^/]+)/specs/(?<release>[^/]+)/(?<state>approved|implemented)/(?<page>[^/?#]+?)(?:\\.html)?(?:[?#].*)?");

    private final LinkSettings settings;

    public KnownSources(LinkSettings settings) {
        this.settings = settings;
    }

    @Override
    public Optional<Served> recognise(WebAddress address) {
        String url = address.value();
        for (String server : settings.gerritServers()) {
            if (rest(url, server)
                    .map(GERRIT_CHANGE::matcher)
                    .filter(Matcher::matches)
                    .isPresent()) {
                return Optional.of(new Served(SourceKind.GERRIT, server));
            }
        }
        for (String api : settings.launchpadApi()) {
            for (String root : launchpadRoots(api)) {
                Optional<String> rest = rest(url, root);
                if (rest.isPresent()
                        && (BLUEPRINT.matcher(rest.get()).matches()
                                || BUG.matcher(rest.get()).matches())) {
                    return Optional.of(new Served(SourceKind.LAUNCHPAD, api));
                }
            }
        }
        for (String server : settings.storyboardServers()) {
            if (rest(url, server).map(STORY::matcher).filter(Matcher::matches).isPresent()) {
                return Optional.of(new Served(SourceKind.STORYBOARD, server));
            }
        }
        if (rest(url, SPECS_SITE)
                .map(SPECS_PAGE::matcher)
                .filter(Matcher::matches)
                .isPresent()) {
            return Optional.of(new Served(SourceKind.SPECS_SITE, SPECS_SITE));
        }
        return Optional.empty();
    }

    @Override
    public String rereadWords() {
        if (!settings.refreshes()) {
            return "when the sync command runs (the background refresh is off)";
        }
        java.time.Duration every = settings.refreshEvery();
        if (every.toHours() >= 1 && every.toMinutesPart() == 0 && every.toSecondsPart() == 0) {
            return every.toHours() == 1 ? "every hour" : "every " + every.toHours() + " hours";
        }
        if (every.toMinutes() >= 1 && every.toSecondsPart() == 0) {
            return every.toMinutes() == 1 ? "every minute" : "every " + every.toMinutes() + " minutes";
        }
        return "every " + every.toSeconds() + " seconds";
    }

    /** The settings still name this server as a source of this kind. */
    boolean configured(SourceKind kind, String server) {
        return switch (kind) {
            case GERRIT -> settings.gerritServers().contains(server);
            case LAUNCHPAD -> settings.launchpadApi().contains(server);
            case STORYBOARD -> settings.storyboardServers().contains(server);
            case SPECS_SITE -> SPECS_SITE.equals(server);
        };
    }

    /** A Gerrit change's API address, with the labels, accounts and current revision. */
    static Optional<URI> gerritApi(String server, String url) {
        return rest(url, server)
                .map(GERRIT_CHANGE::matcher)
                .filter(Matcher::matches)
                .map(m -> {
                    String change = m.group("project") != null
                            ? URLEncoder.encode(m.group("project"), StandardCharsets.UTF_8) + "~" + m.group("number")
                            : m.group("bare") != null ? m.group("bare") : m.group("short");
                    return URI.create(server + "/changes/" + change
                            + "?o=LABELS&o=DETAILED_LABELS&o=DETAILED_ACCOUNTS&o=CURRENT_REVISION");
                });
    }

    /** The change number in a Gerrit address. */
    static String gerritNumber(String server, String url) {
        Matcher m = GERRIT_CHANGE.matcher(rest(url, server).orElseThrow());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a Gerrit change: " + url);
        }
        return m.group("number") != null
                ? m.group("number")
                : m.group("bare") != null ? m.group("bare") : m.group("short");
    }

    /** A Launchpad blueprint's or bug's API address, and what it is. */
    static Optional<LaunchpadRecord> launchpadApi(String api, String url) {
        for (String root : launchpadRoots(api)) {
            Optional<String> rest = rest(url, root);
            if (rest.isEmpty()) {
                continue;
            }
            Matcher blueprint = BLUEPRINT.matcher(rest.get());
            if (blueprint.matches()) {
                return Optional.of(new LaunchpadRecord(
                        URI.create(api + "/" + blueprint.group("project") + "/+spec/" + blueprint.group("name")),
                        false,
                        blueprint.group("project") + " blueprint " + blueprint.group("name"),
                        null));
            }
            Matcher bug = BUG.matcher(rest.get());
            if (bug.matches()) {
                return Optional.of(new LaunchpadRecord(
                        URI.create(api + "/bugs/" + bug.group("id") + "/bug_tasks"),
                        true,
                        "bug " + bug.group("id"),
                        bug.group("target")));
            }
        }
        return Optional.empty();
    }

    record LaunchpadRecord(
            URI api,
            boolean bug,
            String name,
            @org.jspecify.annotations.Nullable String target) {}

    /** A StoryBoard story's API address and its number. */
    static Optional<URI> storyApi(String server, String url) {
        return rest(url, server)
                .map(STORY::matcher)
                .filter(Matcher::matches)
                .map(m -> URI.create(server + "/api/v1/stories/" + m.group("id")));
    }

    static String storyNumber(String server, String url) {
        Matcher m = STORY.matcher(rest(url, server).orElseThrow());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a story: " + url);
        }
        return m.group("id");
    }

    /** What a specs.openstack.org page's address says: its repository, release, state and page. */
    static Optional<Matcher> specsPage(String url) {
        return rest(url, SPECS_SITE).map(SPECS_PAGE::matcher).filter(Matcher::matches);
    }

    /**
     * The web roots whose addresses a Launchpad API serves: the API's own, and for an API host
     * named {@code api.<domain>} the blueprints and bugs hosts of that domain.
     */
    static List<String> launchpadRoots(String api) {
        List<String> roots = new ArrayList<>(List.of(api));
        URI uri = URI.create(api);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("api.")) {
            String domain = host.substring("api.".length());
            roots.add(uri.getScheme() + "://blueprints." + domain);
            roots.add(uri.getScheme() + "://bugs." + domain);
        }
        return roots;
    }

    /** The rest of an address after a server's, if the address is that server's. */
    private static Optional<String> rest(String url, String server) {
        if (url.length() < server.length() || !url.regionMatches(true, 0, server, 0, server.length())) {
            return Optional.empty();
        }
        String rest = url.substring(server.length());
        return rest.isEmpty() || rest.startsWith("/") ? Optional.of(rest) : Optional.empty();
    }
}
