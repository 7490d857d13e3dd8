package org.tctracker.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tctracker.api.ApiModel.CommitmentJson;
import org.tctracker.api.ApiModel.CommitmentList;
import org.tctracker.api.ApiModel.CycleDetail;
import org.tctracker.api.ApiModel.CycleJson;
import org.tctracker.api.ApiModel.CycleList;
import org.tctracker.api.ApiModel.MilestoneJson;
import org.tctracker.api.ApiModel.PeopleList;
import org.tctracker.api.ApiModel.PersonSummary;
import org.tctracker.commitment.Status;
import org.tctracker.report.CycleRecords;
import org.tctracker.report.CycleRecords.CommitmentRecord;
import org.tctracker.report.CycleRecords.CycleRecord;
import org.tctracker.system.RecordNotFoundException;

/** Read-only JSON for scripts. Every answer may be revalidated with its ETag; none is stored. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class ApiController {

    private final CycleRecords records;
    private final Clock clock;

    ApiController(CycleRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @GetMapping("/cycles")
    ResponseEntity<CycleList> cycles() {
        LocalDate today = LocalDate.now(clock);
        return ok(new CycleList(
                records.cycles().stream().map(c -> CycleJson.of(c, today)).toList()));
    }

    @GetMapping("/cycles/{slug}")
    ResponseEntity<CycleDetail> cycle(@PathVariable String slug) {
        CycleRecord cycle = cycleNamed(slug);
        LocalDate today = LocalDate.now(clock);
        List<CommitmentRecord> commitments = records.commitmentsOf(cycle, today);
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        commitments.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
        return ok(new CycleDetail(
                cycle.slug(),
                cycle.name(),
                cycle.summit(),
                cycle.startsOn(),
                cycle.endsOn(),
                cycle.phaseOn(today),
                records.milestonesOf(cycle).stream().map(MilestoneJson::of).toList(),
                counts,
                (int) commitments.stream().filter(CommitmentRecord::stale).count()));
    }

    @GetMapping("/cycles/{slug}/commitments")
    ResponseEntity<CommitmentList> commitments(@PathVariable String slug) {
        CycleRecord cycle = cycleNamed(slug);
        return ok(new CommitmentList(
                cycle.slug(),
                records.commitmentsOf(cycle, LocalDate.now(clock)).stream()
                        .map(c -> CommitmentJson.of(c, null))
                        .toList()));
    }

    @GetMapping("/commitments/{id}")
    ResponseEntity<CommitmentJson> commitment(@PathVariable long id) {
        CommitmentRecord commitment = records.commitment(id, LocalDate.now(clock))
                .orElseThrow(() -> RecordNotFoundException.of("commitment", id));
        return ok(CommitmentJson.of(commitment, records.checkInsOf(id)));
    }

    @GetMapping("/people")
    ResponseEntity<PeopleList> people() {
        return ok(
                new PeopleList(records.people().stream().map(PersonSummary::of).toList()));
    }

    private CycleRecord cycleNamed(String slug) {
        return records.cycle(slug).orElseThrow(() -> RecordNotFoundException.of("cycle", slug));
    }

    /** Clients may keep the answer but must ask again, sending its ETag, before using it. */
    private static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
    }
}
