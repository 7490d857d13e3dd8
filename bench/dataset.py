#!/usr/bin/env python3
"""Writes a tracker export (the format `import` reads) with Mitaka as seeded plus generated history.

Usage: bench/dataset.py MITAKA_EXPORT.json CYCLES COMMITMENTS WEEKS > dataset.json

Each generated cycle lies between 1990 and Mitaka (so Mitaka stays the current dashboard), has COMMITMENTS
commitments with two spec links each, and a check-in per commitment for each of its first WEEKS
weeks, with a note of a few sentences. The last generated cycle is called `bench`.
"""
import datetime
import json
import sys

mitaka = json.load(open(sys.argv[1]))
cycles, per_cycle, weeks = (int(a) for a in sys.argv[2:5])
doc = {k: v for k, v in mitaka.items()}
for table in ("cycles", "milestones", "people", "commitments", "collaborators", "specLinks", "checkIns"):
    doc[table] = list(mitaka.get(table, []))
doc.pop("accounts", None)

def next_id(table):
    return max([row["id"] for row in doc[table]] + [0]) + 1

stamp = "2015-01-01T09:00:00Z"
statuses = ["NOT_STARTED", "IN_PROGRESS", "IN_PROGRESS", "BLOCKED", "DONE"]
person_id = next_id("people")
people = []
for p in range(12):
    people.append(person_id + p)
    doc["people"].append({"id": person_id + p, "displayName": f"Bench Person {p:02d}", "ircNick": f"bench{p:02d}",
                          "email": None, "affiliation": "Bench", "createdAt": stamp, "updatedAt": stamp})
cycle_id, commitment_id, link_id, check_in_id = (next_id(t) for t in ("cycles", "commitments", "specLinks", "checkIns"))
first_monday = datetime.date(1990, 1, 1)   # imports take dates from 1990 on
for c in range(cycles):
    # Cycles start nine weeks apart and overlap, all before Mitaka, which stays the current one.
    starts = first_monday + datetime.timedelta(weeks=9 * c)
    ends = starts + datetime.timedelta(weeks=26, days=-4)
    slug = "bench" if c == cycles - 1 else f"bench-{c + 1:03d}"
    doc["cycles"].append({"id": cycle_id, "slug": slug, "name": f"Bench {c + 1}", "summit": None,
                          "startsOn": starts.isoformat(), "endsOn": ends.isoformat(),
                          "createdAt": stamp, "updatedAt": stamp})
    for n in range(per_cycle):
        owner = people[(c + n) % len(people)]
        doc["commitments"].append({
            "id": commitment_id, "cycleId": cycle_id, "position": n + 1,
            "title": f"Bench commitment {n + 1} of cycle {c + 1}",
            "summary": "A generated commitment for the benchmark. " * 4,
            "ownerId": owner, "status": statuses[(c + n) % len(statuses)], "targetDate": None,
            "carriedToId": None, "createdAt": stamp, "updatedAt": stamp})
        doc["collaborators"].append({"commitmentId": commitment_id, "personId": people[(c + n + 1) % len(people)]})
        for k in range(2):
            doc["specLinks"].append({"id": link_id, "commitmentId": commitment_id, "title": f"Spec {k + 1}",
                                     "url": f"https://review.example.org/{commitment_id}/{k}", "kind": "SPEC",
                                     "state": "IN_REVIEW", "createdAt": stamp, "updatedAt": stamp})
            link_id += 1
        for w in range(weeks):
            day = starts + datetime.timedelta(weeks=w, days=2)
            year, week, _ = day.isocalendar()
            doc["checkIns"].append({
                "id": check_in_id, "commitmentId": commitment_id, "isoWeek": f"{year:04d}-W{week:02d}",
                "checkedOn": day.isoformat(), "author": f"bench{(c + n) % 12:02d}",
                "status": statuses[(w + n) % len(statuses)],
                "note": f"Week {w + 1}: reviewed the spec, answered comments, and planned the next step.",
                "percentDone": min(100, w * 4), "createdAt": day.isoformat() + "T10:00:00Z",
                "updatedAt": day.isoformat() + "T10:00:00Z"})
            check_in_id += 1
        commitment_id += 1
    cycle_id += 1

# A community-wide goal on the bench cycle's first commitment, tracked team by team by 60 teams
# (about as many as OpenStack had), each row with a planning and a completion link and a history.
for table in ("teams", "teamRepos", "teamMembers", "goals", "goalTeams", "goalTeamEvents", "goalUnownedRepos"):
    doc[table] = list(mitaka.get(table, []))
goal_id = commitment_id - per_cycle
team_id, event_id = next_id("teams"), next_id("goalTeamEvents")
doc["goals"].append({"commitmentId": goal_id, "everyTeam": True, "topic": "bench-goal",
                     "criteria": "Each team's repositories pass the new check.", "syncedAt": None,
                     "syncError": None, "createdAt": stamp, "updatedAt": stamp})
team_states = ["NOT_STARTED", "PLANNED", "IN_PROGRESS", "DONE", "DONE", "NOT_APPLICABLE"]
for t in range(60):
    doc["teams"].append({"id": team_id, "slug": f"bench-team-{t:02d}", "name": f"Bench team {t:02d}",
                         "mailingTag": f"bench{t:02d}", "createdAt": stamp, "updatedAt": stamp})
    doc["teamRepos"].append({"repo": f"openstack/bench-{t:02d}", "teamId": team_id, "deliverable": None})
    doc["teamMembers"].append({"teamId": team_id, "personId": people[t % len(people)]})
    state = team_states[t % len(team_states)]
    doc["goalTeams"].append({
        "goalId": goal_id, "teamId": team_id, "state": state,
        "reason": "Nothing to change there." if state == "NOT_APPLICABLE" else None,
        "planningUrl": f"https://review.example.org/p/{t}", "completionUrl": f"https://review.example.org/c/{t}",
        "planningState": "Merged", "completionState": "In review", "byHand": True, "sourceWords": None,
        "updatedBy": f"bench{t % 12:02d}", "updatedAt": stamp})
    for k, earlier in enumerate(team_states[:team_states.index(state) + 1]):
        doc["goalTeamEvents"].append({"id": event_id, "goalId": goal_id, "teamId": team_id, "state": earlier,
                                      "changedBy": f"bench{t % 12:02d}",
                                      "changedAt": f"1995-{1 + k:02d}-{1 + t % 28:02d}T09:00:00Z"})
        event_id += 1
    team_id += 1
json.dump(doc, sys.stdout)
