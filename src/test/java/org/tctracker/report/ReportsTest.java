package org.tctracker.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.CheckInDraft;
import org.tctracker.commitment.CheckInService;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentDraft;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.Commitments;
import org.tctracker.commitment.LinkDraft;
import org.tctracker.commitment.LinkKind;
import org.tctracker.commitment.LinkState;
import org.tctracker.commitment.Status;
import org.tctracker.commitment.WebAddress;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.people.Person;
import org.tctracker.support.Html;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.Team;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What people outside the tracker read, over a known Mitaka history: a tenth commitment whose text
 * has commas, quotes, newlines, non-ASCII and formula-like starts, with two weeks of check-ins (the
 * second amended), and commitment #3 moved to Done by an edit.
 */
@SpringBootTest
@OwnDatabase
@AutoConfigureMockMvc
@Import(MutableClock.InMitaka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest {

    static final String TITLE = "=HYPERLINK(\"http://evil.example\") \"quoted\", naïve — 東京";
    static final String SUMMARY = "Line one,\nline two with \"quotes\"\r\nand a third: café";
    static final String FIRST_NOTE = "-2 weeks behind, still \"on track\"\n@channel: see the Tōkyō notes";
    static final String AMENDED_NOTE = "Waiting on infra, patch up: https://review.openstack.org/#/c/12345/";
    static final String LINK_TITLE = "+1 on the spec, \"review\"";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    long tenth;

    @BeforeAll
    void recordAHistory(
            @Autowired MutableClock clock,
            @Autowired CheckInService checkIns,
            @Autowired Commitments commitments,
            @Autowired CommitmentService service,
            @Autowired Cycles cycles,
            @Autowired AccountService accounts,
            @Autowired People people,
            @Autowired UserDetailsService users) {
        Team team = new Team(accounts, people, users);
        Map<String, Person> persons = team.assemble();
        TrackerUser chair = team.user("chair");
        TrackerUser owner = team.user("owner-ed");
        long mitaka = cycles.findBySlug("mitaka").orElseThrow().getId();

        clock.set(LocalDateTime.of(2015, 11, 2, 9, 0));
        Commitment created = service.create(
                chair,
                mitaka,
                new CommitmentDraft(
                        TITLE,
                        SUMMARY,
                        persons.get("owner-ed").getId(),
                        List.of(persons.get("helper-ed").getId()),
                        Status.NOT_STARTED,
                        null));
        tenth = created.getId();
        service.addLink(
                chair,
                tenth,
                new LinkDraft(
                        LINK_TITLE,
                        new WebAddress("https://review.openstack.org/#/c/12345/"),
                        LinkKind.REVIEW,
                        LinkState.IN_REVIEW));
        clock.set(LocalDateTime.of(2015, 11, 4, 9, 0));
        checkIns.record(owner, new CheckInDraft(tenth, Status.IN_PROGRESS, FIRST_NOTE, 20));
        clock.set(LocalDateTime.of(2015, 11, 10, 9, 0));
        checkIns.record(owner, new CheckInDraft(tenth, Status.BLOCKED, "Waiting on infra", null));
        clock.set(LocalDateTime.of(2015, 11, 11, 9, 0));
        checkIns.record(owner, new CheckInDraft(tenth, Status.BLOCKED, AMENDED_NOTE, null));
        Commitment third = commitments.findByCycleInOrder(mitaka).get(2);
        clock.set(LocalDateTime.of(2015, 11, 11, 9, 30));
        // The history names whoever is signed in, as it does for an edit made through the form.
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(chair, null, chair.getAuthorities()));
        service.update(
                chair,
                third.getId(),
                third.getVersion(),
                new CommitmentDraft(
                        third.getTitle(), third.getSummary(), third.getOwner().getId(), List.of(), Status.DONE, null));
        SecurityContextHolder.clearContext();
        clock.set(LocalDateTime.of(2015, 11, 12, 10, 0));
    }

    // ---- CSV ------------------------------------------------------------------------------

    @Test
    void theCommitmentsCsvParsesBackToTheDataWithFormulasNeutralised() throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get("/cycles/mitaka/commitments.csv")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeader("Content-Disposition")).contains("attachment", "mitaka-commitments.csv");
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        // A byte-order mark first, so spreadsheets open the file as UTF-8; then the header row.
        assertThat(body).startsWith("\uFEFF" + String.join(",", CsvExport.COMMITMENT_COLUMNS) + "\r\n");

        List<CSVRecord> rows = parse(body, CsvExport.COMMITMENT_COLUMNS);
        assertThat(rows)
                .extracting(r -> r.get("position"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        CSVRecord row = rows.get(9);
        assertThat(row.toMap())
                .containsEntry("cycle", "mitaka")
                .containsEntry("title", "'" + TITLE)
                .containsEntry("status", "Blocked")
                .containsEntry("stale", "no")
                .containsEntry("owner", "Robert Collins")
                .containsEntry("owner_irc", "lifeless")
                .containsEntry("collaborators", "Hattie Helper")
                .containsEntry("target_date", "")
                .containsEntry("last_check_in_week", "2015-W46")
                .containsEntry("last_check_in_date", "2015-11-11")
                .containsEntry("last_check_in_author", "owner-ed")
                .containsEntry("last_note", AMENDED_NOTE)
                .containsEntry("spec_links", "'" + LINK_TITLE + " <https://review.openstack.org/#/c/12345/>")
                .containsEntry("summary", SUMMARY);
        assertThat(rows.get(2).get("status")).isEqualTo("Done");
        assertThat(rows.get(1).get("spec_links"))
                .isEqualTo(
                        "Unstable APIs without an incubator (oslo-specs, Mitaka) "
                                + "<https://specs.openstack.org/openstack/oslo-specs/specs/mitaka/no-incubator-api-freedom.html>");
    }

    @Test
    void theCheckInsCsvHasEveryCheckInWithItsNote() throws Exception {
        String body = mvc.perform(get("/cycles/mitaka/check-ins.csv"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        List<CSVRecord> rows = parse(body, CsvExport.CHECK_IN_COLUMNS);
        List<Map<String, String>> maps = new ArrayList<>();
        rows.forEach(r -> maps.add(r.toMap()));
        assertThat(maps)
                .containsExactly(
                        Map.of(
                                "cycle", "mitaka",
                                "position", "10",
                                "commitment", "'" + TITLE,
                                "week", "2015-W45",
                                "release_week", "R-22",
                                "checked_on", "2015-11-04",
                                "status", "In progress",
                                "percent_done", "20",
                                "author", "owner-ed",
                                "note", "'" + FIRST_NOTE),
                        Map.of(
                                "cycle", "mitaka",
                                "position", "10",
                                "commitment", "'" + TITLE,
                                "week", "2015-W46",
                                "release_week", "R-21",
                                "checked_on", "2015-11-11",
                                "status", "Blocked",
                                "percent_done", "",
                                "author", "owner-ed",
                                "note", AMENDED_NOTE));
    }

    @Test
    void onlyCellsThatASpreadsheetWouldEvaluateAreNeutralised() {
        assertThat(CsvExport.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvExport.neutralise("+1")).isEqualTo("'+1");
        assertThat(CsvExport.neutralise("-1")).isEqualTo("'-1");
        assertThat(CsvExport.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvExport.neutralise(" =1+1")).isEqualTo("' =1+1");
        assertThat(CsvExport.neutralise("\u00A0=HYPERLINK(\"x\")")).isEqualTo("'\u00A0=HYPERLINK(\"x\")");
        assertThat(CsvExport.neutralise("  @SUM(A1)")).isEqualTo("'  @SUM(A1)");
        assertThat(CsvExport.neutralise("  plain words")).isEqualTo("  plain words");
        assertThat(CsvExport.neutralise("a=1")).isEqualTo("a=1");
        assertThat(CsvExport.neutralise("")).isEmpty();
    }

    @Test
    void anUnknownCycleHasNoCsv() throws Exception {
        assertThat(mvc.perform(get("/cycles/nope/commitments.csv"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    /** Reads a downloaded file as a script would: the byte-order mark skipped, then RFC 4180. */
    private static List<CSVRecord> parse(String body, List<String> columns) throws Exception {
        assertThat(body).startsWith(CsvExport.BYTE_ORDER_MARK);
        body = body.substring(CsvExport.BYTE_ORDER_MARK.length());
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(body))
                .getRecords();
        rows.forEach(r -> assertThat(r.getParser().getHeaderNames()).isEqualTo(columns));
        return rows;
    }

    // ---- JSON API -------------------------------------------------------------------------

    @Test
    void aSeededCommitmentReadsAsThisJson() throws Exception {
        // Recorded on 5 November and never checked in on: exactly seven days later it is not stale yet.
        MockHttpServletResponse response =
                mvc.perform(get("/api/v1/commitments/2")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(json.readTree(response.getContentAsString(StandardCharsets.UTF_8)))
                .isEqualTo(json.readTree("""
                        {"id": 2, "cycle": "mitaka", "position": 2,
                         "title": "Replace the oslo incubator with libraries released from day one",
                         "summary": "Propose, as a spec for approval, a process in which new oslo code ships as a released library straight away instead of being copied out of the incubator. The hard part is keeping the freedom to refactor early on without promising a stable API, and without breaking every consumer.\\n\\nWorking idea: versioned submodules inside the package until 1.0.0, copying code forward whenever an incompatible change is needed.",
                         "status": "IN_PROGRESS", "stale": false, "targetDate": null,
                         "owner": {"ircNick": "lifeless", "displayName": "Robert Collins"},
                         "collaborators": [],
                         "links": [{"title": "Unstable APIs without an incubator (oslo-specs, Mitaka)",
                                    "url": "https://specs.openstack.org/openstack/oslo-specs/specs/mitaka/no-incubator-api-freedom.html",
                                    "kind": "SPEC", "state": "APPROVED",
                                    "source": null, "sourceState": null, "syncedAt": null, "syncError": null}],
                         "lastCheckIn": null, "carriedTo": null, "checkIns": []}
                        """));
    }

    @Test
    void aCommitmentWithCheckInsListsThemLatestFirst() throws Exception {
        JsonNode commitment = json.readTree(mvc.perform(get("/api/v1/commitments/" + tenth))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));

        assertThat(commitment.get("title").asString()).isEqualTo(TITLE);
        assertThat(commitment.get("status").asString()).isEqualTo("BLOCKED");
        assertThat(commitment.get("collaborators").get(0).get("ircNick").asString())
                .isEqualTo("helper");
        assertThat(commitment.get("links").get(0).get("kind").asString()).isEqualTo("REVIEW");
        JsonNode checkIns = commitment.get("checkIns");
        assertThat(checkIns).hasSize(2);
        assertThat(checkIns.get(0).get("week").asString()).isEqualTo("2015-W46");
        assertThat(checkIns.get(0).get("checkedOn").asString()).isEqualTo("2015-11-11");
        assertThat(checkIns.get(0).get("note").asString()).isEqualTo(AMENDED_NOTE);
        assertThat(checkIns.get(0).get("percentDone").isNull()).isTrue();
        // When the record last changed, in UTC; the amendment came after the first week's check-in.
        assertThat(Instant.parse(checkIns.get(0).get("updatedAt").asString()))
                .isAfter(Instant.parse(checkIns.get(1).get("updatedAt").asString()));
        assertThat(checkIns.get(1).get("note").asString()).isEqualTo(FIRST_NOTE);
        assertThat(checkIns.get(1).get("percentDone").asInt()).isEqualTo(20);
        assertThat(commitment.get("lastCheckIn")).isEqualTo(checkIns.get(0));
    }

    @Test
    void aCyclesCommitmentsCarryOwnerStatusLinksAndLastCheckIn() throws Exception {
        JsonNode list = json.readTree(mvc.perform(get("/api/v1/cycles/mitaka/commitments"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));

        assertThat(list.get("cycle").asString()).isEqualTo("mitaka");
        JsonNode commitments = list.get("commitments");
        assertThat(commitments).hasSize(10);
        assertThat(commitments.get(2).get("status").asString()).isEqualTo("DONE");
        assertThat(commitments.get(9).get("lastCheckIn").get("week").asString()).isEqualTo("2015-W46");
        assertThat(commitments.get(9).has("checkIns")).isFalse();

        JsonNode cycles = json.readTree(mvc.perform(get("/api/v1/cycles"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(cycles.get("cycles").get(0).get("slug").asString()).isEqualTo("mitaka");
        assertThat(cycles.get("cycles").get(0).get("startsOn").asString()).isEqualTo("2015-10-19");
        assertThat(cycles.get("cycles").get(0).get("phase").asString()).isEqualTo("IN_PROGRESS");
        assertThat(cycles.get("cycles").get(0).get("commitments").asInt()).isEqualTo(10);
        assertThat(cycles.get("cycles").get(0).get("open").asInt()).isEqualTo(9);

        JsonNode cycle = json.readTree(mvc.perform(get("/api/v1/cycles/mitaka"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(cycle.get("milestones").get(1).get("name").asString()).isEqualTo("Mitaka-1");
        assertThat(cycle.get("milestones").get(1).get("dueOn").asString()).isEqualTo("2015-12-03");
        assertThat(cycle.get("statusCounts").get("BLOCKED").asInt()).isEqualTo(1);
        assertThat(cycle.get("statusCounts").get("DONE").asInt()).isEqualTo(1);

        JsonNode people = json.readTree(mvc.perform(get("/api/v1/people"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(people.get("people").findValuesAsString("ircNick")).contains("lifeless", "helper", "other");
    }

    @Test
    void aMatchingEtagGetsAnEmpty304() throws Exception {
        MockHttpServletResponse first = mvc.perform(get("/api/v1/cycles/mitaka/commitments"))
                .andReturn()
                .getResponse();
        String etag = first.getHeader("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.getHeader("Cache-Control")).isEqualTo("no-cache");

        MockHttpServletResponse again = mvc.perform(
                        get("/api/v1/cycles/mitaka/commitments").header("If-None-Match", etag))
                .andReturn()
                .getResponse();
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsString()).isEmpty();

        MockHttpServletResponse other = mvc.perform(get("/api/v1/cycles/mitaka").header("If-None-Match", etag))
                .andReturn()
                .getResponse();
        assertThat(other.getStatus()).isEqualTo(200);

        MockHttpServletResponse feed =
                mvc.perform(get("/feed.atom")).andReturn().getResponse();
        assertThat(mvc.perform(get("/feed.atom").header("If-None-Match", feed.getHeader("ETag")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(304);
    }

    @Test
    void errorsAreProblemDetails() throws Exception {
        assertProblem(get("/api/v1/commitments/99999"), 404, "There is no commitment 99999.");
        assertProblem(get("/api/v1/commitments/abc"), 404, "\"abc\" is not a valid id.");
        assertProblem(get("/api/v1/cycles/nope/commitments"), 404, "There is no cycle nope.");
        assertProblem(
                get("/api/v1/nothing-here"),
                404,
                "There is nothing at this address. The API's addresses start with /api/v1/.");
        assertProblem(post("/api/v1/cycles"), 405, "The API only reads: use GET.");
    }

    private void assertProblem(org.springframework.test.web.servlet.RequestBuilder request, int status, String detail)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
        assertThat(problem.get("title").asString()).isNotBlank();
    }

    // ---- Atom -----------------------------------------------------------------------------

    @Test
    void theCycleFeedIsAtomWithACheckInPerWeekAndTheStatusChange() throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get("/cycles/mitaka/feed.atom")).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/atom+xml;charset=UTF-8");

        Element feed = atom(response.getContentAsByteArray());
        assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(child(feed, "title")).isEqualTo("TC Tracker: Mitaka cycle");
        assertThat(child(feed, "id")).isEqualTo("tag:tc-tracker.invalid,2026:feed:mitaka");

        List<Element> entries = elements(feed.getElementsByTagNameNS(FeedNamespace.ATOM, "entry"));
        assertThat(entries)
                .extracting(e -> child(e, "title"))
                .containsExactly(
                        "Mitaka #3 Review the app catalog's review guidelines for gaps: Not started → Done",
                        "Mitaka #10 " + TITLE + ": Blocked (2015-W46)",
                        "Mitaka #10 " + TITLE + ": In progress (2015-W45)");
        assertThat(entries)
                .extracting(e -> child(e, "id"))
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("tag:tc-tracker.invalid,2026:"));
        // The feed is as new as its newest entry; the times are when the records were saved.
        assertThat(child(feed, "updated")).isEqualTo(child(entries.get(0), "updated"));
        Element amended = entries.get(1);
        assertThat(child(amended, "updated")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(child(
                        elements(amended.getElementsByTagNameNS(FeedNamespace.ATOM, "author"))
                                .get(0),
                        "name"))
                .isEqualTo("owner-ed");
        assertThat(child(amended, "content")).contains("Waiting on infra, patch up");
        assertThat(elements(amended.getElementsByTagNameNS(FeedNamespace.ATOM, "link"))
                        .get(0)
                        .getAttribute("href"))
                .isEqualTo("http://localhost/commitments/" + tenth);
        assertThat(child(entries.get(0), "content")).isEqualTo("Status changed from Not started to Done by chair.");

        Element again = atom(mvc.perform(get("/cycles/mitaka/feed.atom"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
        assertThat(elements(again.getElementsByTagNameNS(FeedNamespace.ATOM, "entry")))
                .extracting(e -> child(e, "id"))
                .isEqualTo(entries.stream().map(e -> child(e, "id")).toList());

        Element everything =
                atom(mvc.perform(get("/feed.atom")).andReturn().getResponse().getContentAsByteArray());
        assertThat(elements(everything.getElementsByTagNameNS(FeedNamespace.ATOM, "entry")))
                .hasSize(3);
    }

    @Test
    void pagesLinkTheirFeeds() throws Exception {
        Document dashboard = Html.parse(mvc.perform(get("/cycles/mitaka")).andReturn());

        assertThat(dashboard
                        .select("head link[rel=alternate][type=application/atom+xml]")
                        .eachAttr("href"))
                .containsExactly("/feed.atom", "/cycles/mitaka/feed.atom");
        assertThat(dashboard
                        .select("head link[rel=alternate][type=application/atom+xml]")
                        .eachAttr("title"))
                .containsExactly(
                        "TC Tracker: check-ins and status changes", "TC Tracker: Mitaka check-ins and status changes");
        String icon = dashboard.selectFirst("head link[rel=icon]").attr("href");
        MockHttpServletResponse favicon = mvc.perform(get(icon)).andReturn().getResponse();
        assertThat(favicon.getStatus()).isEqualTo(200);
        assertThat(favicon.getContentType()).startsWith("image/svg+xml");
        assertThat(dashboard.select(".follow a").eachAttr("href"))
                .contains(
                        "/cycles/mitaka/report",
                        "/cycles/mitaka/commitments.csv",
                        "/cycles/mitaka/check-ins.csv",
                        "/cycles/mitaka/feed.atom",
                        "/api/v1/cycles/mitaka/commitments");
        for (String missing :
                new String[] {"/cycles/nope/feed.atom", "/cycles/nope/report.md", "/cycles/nope/commitments.csv"}) {
            MockHttpServletResponse response = mvc.perform(get(missing).header("Accept", "*/*"))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(missing).isEqualTo(404);
            // Scripts fetch these addresses: the answer that says so is one line of plain text,
            // labelled so, never an HTML page or something posing as a feed.
            assertThat(response.getContentType()).as(missing).isEqualTo("text/plain;charset=UTF-8");
            assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                    .as(missing)
                    .isEqualTo("404 Not Found: There is no cycle nope.\n");
        }
    }

    private static Element atom(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(body))
                .getDocumentElement();
    }

    private static String child(Element parent, String name) {
        for (Element element : elements(parent.getChildNodes())) {
            if (FeedNamespace.ATOM.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                return element.getTextContent();
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static final class FeedNamespace {
        static final String ATOM = "http://www.w3.org/2005/Atom";
    }

    // ---- the digest -------------------------------------------------------------------------

    @Test
    void theDigestOfAWeekTellsTheChangeAndTheLatestNote() throws Exception {
        String digest = mvc.perform(get("/cycles/mitaka/report.md").param("week", "2015-W46"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(digest)
                .contains("| Blocked | 1 |", "| Done | 1 |")
                .contains("### 10. " + TITLE + "\n\n"
                        + "**Blocked** (was In progress last week) · owner Robert Collins (lifeless)\n\n"
                        + "This week (2015-11-11, owner-ed):\n\n"
                        + "> " + AMENDED_NOTE + "\n\n"
                        + "- [" + LINK_TITLE + "](<https://review.openstack.org/#/c/12345/>) · Review, In review\n");
    }

    @Test
    void theDigestPreviewShowsTheChosenWeekWithItsMarkdownLink() throws Exception {
        Document page = Html.parse(mvc.perform(get("/cycles/mitaka/report").param("week", "2015-W45"))
                .andReturn());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Mitaka weekly digest");
        assertThat(page.selectFirst("article.digest h2").text()).isEqualTo("Mitaka cycle: week 2015-W45 (R-22)");
        assertThat(page.select("article.digest table tbody tr").eachText()).contains("In progress 2");
        assertThat(page.select("article.digest h4").eachText()).contains("10. " + TITLE);
        assertThat(page.selectFirst("#digest-week option[selected]").attr("value"))
                .isEqualTo("2015-W45");
        assertThat(page.select("#digest-week option").eachAttr("value"))
                .containsExactly("2015-W46", "2015-W45", "2015-W44", "2015-W43");
        assertThat(page.selectFirst("a[href^=/cycles/mitaka/report.md]").attr("href"))
                .isEqualTo("/cycles/mitaka/report.md?week=2015-W45");
        assertThat(mvc.perform(get("/cycles/mitaka/report").param("week", "soon"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
    }
}
