package org.tctracker.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;
import org.tctracker.commitment.CheckIns;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.Commitments;
import org.tctracker.commitment.LinkKind;
import org.tctracker.commitment.LinkState;
import org.tctracker.commitment.Status;
import org.tctracker.commitment.WebAddress;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.people.Person;

/**
 * Writes a cycle far larger than Mitaka through the application's own repositories: many
 * commitments, each with links, collaborators and a long history of weekly check-ins.
 */
public record GeneratedCycle(Cycle cycle, List<Commitment> commitments, List<Person> people) {

    public static GeneratedCycle create(
            TransactionTemplate tx,
            Cycles cycles,
            People people,
            Commitments commitments,
            CheckIns checkIns,
            String slug,
            LocalDate startsOn,
            LocalDate endsOn,
            int commitmentCount,
            int linksEach,
            int checkInsEach) {
        return tx.execute(status -> {
            Cycle cycle = new Cycle(slug, "Generated " + slug, "Nowhere", startsOn, endsOn);
            cycle.addMilestone(slug + "-1", startsOn.plusWeeks(6));
            cycle.addMilestone(slug + "-release", endsOn);
            cycles.save(cycle);
            List<Person> team = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                team.add(people.save(new Person("Member " + slug + " " + i, slug + "-nick-" + i)));
            }
            List<Commitment> made = new ArrayList<>();
            for (int n = 1; n <= commitmentCount; n++) {
                Commitment commitment = new Commitment(
                        cycle,
                        n,
                        "Commitment " + n + " of " + slug,
                        "Summary " + n,
                        team.get(n % team.size()),
                        startsOn.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
                commitment.addCollaborator(team.get((n + 1) % team.size()));
                commitment.addCollaborator(team.get((n + 2) % team.size()));
                for (int l = 0; l < linksEach; l++) {
                    commitment.addLink(
                            "Link " + l,
                            new WebAddress("https://review.example.org/" + n + "/" + l),
                            LinkKind.values()[l % LinkKind.values().length],
                            LinkState.values()[l % LinkState.values().length]);
                }
                commitments.save(commitment);
                List<org.tctracker.commitment.CheckIn> history = new ArrayList<>();
                for (int w = checkInsEach; w >= 1; w--) {
                    Status after = Status.values()[(n + w) % Status.values().length];
                    LocalDate day = startsOn.plusWeeks(checkInsEach - w);
                    history.add(checkIns.save(commitment.checkIn(
                            history,
                            day.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC),
                            day,
                            "generator",
                            after,
                            "Week note " + w,
                            10)));
                }
                made.add(commitment);
            }
            return new GeneratedCycle(cycle, made, team);
        });
    }
}
