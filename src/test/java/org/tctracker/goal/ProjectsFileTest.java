package org.tctracker.goal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A projects.yaml in the governance repository's format, as the tracker reads it. */
class ProjectsFileTest {

    static String sample() throws IOException {
        try (InputStream in = ProjectsFileTest.class.getResourceAsStream("/goal/projects.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsEachTeamsRepositoriesFromItsDeliverablesAndIgnoresTheRest() throws IOException {
        ProjectsFile.Reading reading = ProjectsFile.read(sample());

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.teams())
                .extracting(ProjectsFile.Entry::name)
                .containsExactly("Compute", "Oslo", "Puppet OpenStack", "Documentation");
        ProjectsFile.Entry oslo = reading.teams().get(1);
        assertThat(oslo.slug()).isEqualTo("oslo");
        assertThat(oslo.repos())
                .containsExactly(
                        new ProjectsFile.Repo("openstack/oslo.config", "oslo.config"),
                        new ProjectsFile.Repo("openstack/oslo.messaging", "oslo.messaging"),
                        new ProjectsFile.Repo("openstack/oslo-specs", "oslo-specs"));
        assertThat(reading.teams().get(2).slug()).isEqualTo("puppet-openstack");
    }

    @Test
    void everyProblemIsNamedAndNoTeamIsTakenFromAMalformedFile() {
        ProjectsFile.Reading reading = ProjectsFile.read("""
                Compute:
                  deliverables:
                    nova:
                      repos: [openstack/nova, "not a repo"]
                Oslo:
                  deliverables: none
                Other:
                  deliverables:
                    thing:
                      repos: openstack/thing
                Copy:
                  deliverables:
                    nova-again:
                      repos: [openstack/nova]
                """);

        assertThat(reading.ok()).isFalse();
        assertThat(reading.problems())
                .containsExactly(
                        "team \"Compute\", deliverable \"nova\": \"not a repo\" is not a repository name like openstack/nova",
                        "team \"Oslo\": no deliverables, or they are not a map",
                        "team \"Other\", deliverable \"thing\": repos is not a list",
                        "team \"Copy\", deliverable \"nova-again\": openstack/nova is already team \"Compute\"'s");
    }

    @Test
    void notYamlOrNotAMapOfTeamsIsRefused() {
        assertThat(ProjectsFile.read("Compute: [unclosed").problems())
                .singleElement()
                .asString()
                .startsWith("the file is not valid YAML");
        assertThat(ProjectsFile.read("- just\n- a list\n").problems())
                .containsExactly("the file does not map team names to their details");
        assertThat(ProjectsFile.read("").problems())
                .containsExactly("the file does not map team names to their details");
    }

    @Test
    void aFileCannotMakeTheLoaderBuildObjectsOrRepeatAKey() {
        ProjectsFile.Reading typed = ProjectsFile.read(
                "Compute: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n");
        assertThat(typed.problems()).singleElement().asString().startsWith("the file is not valid YAML");

        ProjectsFile.Reading twice = ProjectsFile.read("Compute: {deliverables: {}}\nCompute: {deliverables: {}}\n");
        assertThat(twice.problems()).singleElement().asString().contains("duplicate key");
    }

    @Test
    void twoNamesWithTheSameAddressAreRefused() {
        assertThat(ProjectsFile.read("Puppet OpenStack: {deliverables: {}}\npuppet openstack: {deliverables: {}}\n")
                        .problems())
                .containsExactly(
                        "team \"puppet openstack\": its address would be the same as team \"Puppet OpenStack\"'s");
    }
}
