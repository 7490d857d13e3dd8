package org.tctracker.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What import refuses before it touches the database, listed problem by problem. */
class ImportValidationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String PERSON =
            "{\"id\":1,\"displayName\":\"Thierry\",\"ircNick\":\"ttx\",\"email\":null,\"affiliation\":null,"
                    + "\"createdAt\":\"2016-04-11T09:00:00Z\",\"updatedAt\":\"2016-04-11T09:00:00Z\"}";

    static String document(String commitments, String checkIns, String accounts) {
        return "{\"format\":\"tc-tracker-export\",\"version\":1,"
                + "\"cycles\":[{\"id\":1,\"slug\":\"newton\",\"name\":\"Newton\",\"summit\":null,"
                + "\"startsOn\":\"2016-04-11\",\"endsOn\":\"2016-10-06\","
                + "\"createdAt\":\"2016-04-11T09:00:00Z\",\"updatedAt\":\"2016-04-11T09:00:00Z\"}],"
                + "\"milestones\":[],\"people\":[" + PERSON + "],"
                + "\"commitments\":[" + commitments + "],\"collaborators\":[],\"specLinks\":[],"
                + "\"checkIns\":[" + checkIns + "]" + accounts + "}";
    }

    static String commitment(long id, String position, String carriedTo) {
        return "{\"id\":" + id + ",\"cycleId\":1,\"position\":" + position + ",\"title\":\"T" + id
                + "\",\"summary\":\"\",\"ownerId\":1,\"status\":\"NOT_STARTED\",\"targetDate\":null,"
                + "\"carriedToId\":" + carriedTo + ",\"createdAt\":\"2016-04-11T09:00:00Z\","
                + "\"updatedAt\":\"2016-04-11T09:00:00Z\"}";
    }

    static JsonNode parse(String text) {
        return JSON.readTree(text);
    }

    final DataTransfer transfer = new DataTransfer(null);

    @Test
    void aValidDocumentHasNoProblems() {
        assertThat(transfer.problemsWith(parse(document(commitment(1, "1", "null"), "", ""))))
                .isEmpty();
    }

    @Test
    void numbersTooLargeForTheirColumnsAreRefused() {
        assertThat(transfer.problemsWith(parse(document(commitment(1, "4294967297", "null"), "", ""))))
                .contains("commitments[0].position: expected a whole number");
        assertThat(transfer.problemsWith(parse(document(commitment(9_223_372_036_854_775_807L, "1", "null"), "", ""))))
                .contains("commitments[0].id: ids run from 1 to 1000000000000");
    }

    @Test
    void aCommitmentCarriedToItselfOrTwoIntoOneAreRefused() {
        assertThat(transfer.problemsWith(parse(document(commitment(1, "1", "1"), "", ""))))
                .contains("commitments[0].carriedToId: a commitment cannot be carried over to itself");
        assertThat(transfer.problemsWith(parse(document(
                        commitment(1, "1", "3") + "," + commitment(2, "2", "3") + "," + commitment(3, "3", "null"),
                        "",
                        ""))))
                .contains("commitments[1].carriedToId: another record has the same carriedToId");
    }

    @Test
    void moreLinksOnOneCommitmentThanThePagesAllowAreRefused() {
        StringBuilder links = new StringBuilder();
        for (int i = 1; i <= 51; i++) {
            links.append(i == 1 ? "" : ",")
                    .append("{\"id\":")
                    .append(i)
                    .append(",\"commitmentId\":1,\"title\":\"L\",\"url\":\"https://review.example.org/")
                    .append(i)
                    .append("\",\"kind\":\"REVIEW\",\"state\":\"DRAFT\",\"createdAt\":\"2016-04-11T09:00:00Z\",")
                    .append("\"updatedAt\":\"2016-04-11T09:00:00Z\"}");
        }
        String fifty = links.substring(0, links.lastIndexOf(",{"));

        assertThat(transfer.problemsWith(parse(document(commitment(1, "1", "null"), "", "")
                        .replace("\"specLinks\":[]", "\"specLinks\":[" + fifty + "]"))))
                .isEmpty();
        assertThat(transfer.problemsWith(parse(document(commitment(1, "1", "null"), "", "")
                        .replace("\"specLinks\":[]", "\"specLinks\":[" + links + "]"))))
                .containsExactly("specLinks[50]: commitment 1 has more than 50 links");
    }

    @Test
    void weeksThatDoNotExistAreRefused() {
        String checkIn = "{\"id\":1,\"commitmentId\":1,\"isoWeek\":\"2015-W99\",\"checkedOn\":\"2015-11-12\","
                + "\"author\":\"ttx\",\"status\":\"IN_PROGRESS\",\"note\":\"n\",\"percentDone\":null,"
                + "\"createdAt\":\"2016-04-11T09:00:00Z\",\"updatedAt\":\"2016-04-11T09:00:00Z\"}";
        assertThat(transfer.problemsWith(parse(document(commitment(1, "1", "null"), checkIn, ""))))
                .contains("checkIns[0].isoWeek: expected a week such as 2015-W46");
        assertThat(transfer.problemsWith(
                        parse(document(commitment(1, "1", "null"), checkIn.replace("W99", "W53"), ""))))
                .isEmpty();
        assertThat(transfer.problemsWith(
                        parse(document(commitment(1, "1", "null"), checkIn.replace("2015-W99", "2016-W53"), ""))))
                .contains("checkIns[0].isoWeek: expected a week such as 2015-W46");
    }

    @Test
    void twoAccountsForOnePersonAndAVersionGivenAsTextAreRefused() {
        String account = ",\"accounts\":[%s,%s]".formatted(account(1, "alpha"), account(2, "bravo"));
        assertThat(transfer.problemsWith(parse(document(commitment(1, "1", "null"), "", account))))
                .contains("accounts[1].personId: another record has the same personId");
        assertThat(transfer.problemsWith(parse(
                        document(commitment(1, "1", "null"), "", "").replace("\"version\":1", "\"version\":\"1\""))))
                .contains("version: expected 1");
    }

    List<String> problems(String document) {
        return transfer.problemsWith(parse(document));
    }

    @Test
    void whatThePagesRefuseImportRefusesToo() {
        String valid = document(commitment(1, "1", "null"), "", "");

        assertThat(problems(valid.replace("\"slug\":\"newton\"", "\"slug\":\"../admin\\r\\nSet-Cookie: x=y\"")))
                .anyMatch(problem -> problem.startsWith("cycles[0].slug: Use lower-case letters"));
        assertThat(problems(valid.replace("\"title\":\"T1\"", "\"title\":\"T1\\u001b[31m red\"")))
                .contains("commitments[0].title: contains a control character");
        assertThat(problems(valid.replace("\"summary\":\"\"", "\"summary\":\"two\\nlines\\tand a tab\"")))
                .isEmpty();
        assertThat(problems(document(
                        commitment(1, "1", "null"),
                        "",
                        ",\"accounts\":[" + account(1, "chair").replace("{bcrypt}x", "{noop}a") + "]")))
                .contains("accounts[0].passwordHash: only password hashes the tracker makes ({bcrypt}… or {argon2}…)"
                        + " are accepted");
        assertThat(problems(document(
                        commitment(1, "1", "null"),
                        "",
                        ",\"accounts\":[" + account(1, "chair") + ","
                                + account(2, "Chair").replace("\"personId\":1", "\"personId\":null") + "]")))
                .containsExactly(
                        "accounts[1].username: usernames are lower-case letters, digits, dots, dashes and underscores");
        String twoNicks = valid.replace(
                "\"people\":[" + PERSON + "]",
                "\"people\":[" + PERSON + ","
                        + PERSON.replace("\"id\":1", "\"id\":2").replace("ttx", "TTX") + "]");
        assertThat(problems(twoNicks)).contains("people[1].ircNick: \"TTX\" differs from \"ttx\" only in case");
        String link = "{\"id\":1,\"commitmentId\":1,\"title\":\"L\",\"url\":\"HTTPS://review.example.org/1\","
                + "\"kind\":\"REVIEW\",\"state\":\"DRAFT\",\"createdAt\":\"2016-04-11T09:00:00Z\","
                + "\"updatedAt\":\"2016-04-11T09:00:00Z\"}";
        assertThat(problems(valid.replace("\"specLinks\":[]", "\"specLinks\":[" + link + "]")))
                .contains("specLinks[0].url: the address must start with http:// or https://, in lower case");
    }

    @Test
    void nicksAndEmailsMeetTheRulesOfThePersonForm() {
        String valid = document(commitment(1, "1", "null"), "", "");

        assertThat(problems(valid.replace("\"ircNick\":\"ttx\"", "\"ircNick\":\"two words\"")))
                .contains(
                        "people[0].ircNick: an IRC nick is up to 40 characters without spaces, as the person form takes it");
        assertThat(problems(valid.replace("\"email\":null", "\"email\":\"not an address\"")))
                .contains("people[0].email: expected an address such as someone@example.org");
        assertThat(problems(valid.replace("\"email\":null", "\"email\":\"ttx@example.org\"")))
                .isEmpty();
    }

    @Test
    void accountsFromTheIdentityProviderNeedBothIssuerAndSubjectAndSomeWayToSignIn() {
        String provider = account(1, "rcollins")
                .replace("\"passwordHash\":\"{bcrypt}x\",", "")
                .replace(
                        "\"role\"",
                        "\"providerIssuer\":\"https://id.example.org\",\"providerSubject\":\"42\",\"role\"");
        assertThat(problems(document(commitment(1, "1", "null"), "", ",\"accounts\":[" + provider + "]")))
                .isEmpty();
        assertThat(problems(document(
                        commitment(1, "1", "null"),
                        "",
                        ",\"accounts\":[" + provider.replace("\"providerSubject\":\"42\",", "") + "]")))
                .containsExactly(
                        "accounts[0]: providerIssuer and providerSubject go together: give both or neither",
                        "accounts[0]: an account signs in with a passwordHash, a providerSubject or both");
    }

    static String account(long id, String username) {
        return "{\"id\":" + id + ",\"username\":\"" + username
                + "\",\"passwordHash\":\"{bcrypt}x\",\"role\":\"EDITOR\","
                + "\"enabled\":true,\"personId\":1,\"passwordChangedAt\":\"2016-04-11T09:00:00Z\","
                + "\"createdAt\":\"2016-04-11T09:00:00Z\",\"updatedAt\":\"2016-04-11T09:00:00Z\"}";
    }
}
