package org.tctracker.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tctracker.commitment.Activity;
import org.tctracker.commitment.Activity.Event;
import org.tctracker.goal.Goals;
import org.tctracker.system.Markdown;

/**
 * Atom 1.0 feeds of check-ins and status changes. Entry ids are tag URIs built from the records'
 * own keys, so a reader never sees an event twice.
 */
@Component
public class AtomFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    public static final String ID_PREFIX = "tag:tc-tracker.invalid,2026:";

    private final Markdown markdown;

    /** The public address, such as https://tc.example.org; without it, the request's own. */
    private final String baseUrl;

    AtomFeed(Markdown markdown, @Value("${tracker.base-url:}") String baseUrl) {
        this.markdown = markdown;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Writes a feed: its title, a key for its id, the page it follows, its own address, the events
     * newest first, and the time to give as its last update when it has none.
     */
    public void write(
            HttpServletResponse response,
            String title,
            String key,
            String page,
            String self,
            List<Event> events,
            List<Goals.RowChange> rows,
            Instant quietSince)
            throws IOException, XMLStreamException {
        response.setContentType("application/atom+xml;charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
        OutputStream body = response.getOutputStream();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(body, StandardCharsets.UTF_8.name());
        xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        text(xml, "id", ID_PREFIX + key);
        text(xml, "title", title);
        text(xml, "subtitle", "Weekly check-ins and status changes of the Technical Committee's commitments");
        Instant updated = events.isEmpty() ? quietSince : events.get(0).at();
        if (!rows.isEmpty() && rows.get(0).at().isAfter(updated)) {
            updated = rows.get(0).at();
        }
        text(xml, "updated", time(updated));
        link(xml, "self", "application/atom+xml", absolute(self));
        link(xml, "alternate", "text/html", absolute(page));
        xml.writeStartElement("author");
        text(xml, "name", "TC Tracker");
        xml.writeEndElement();
        text(xml, "generator", "TC Tracker");
        // Both lists are newest first; the feed is too.
        int row = 0;
        for (Event event : events) {
            while (row < rows.size() && rows.get(row).at().isAfter(event.at())) {
                entry(xml, rows.get(row++));
            }
            entry(xml, event);
        }
        while (row < rows.size()) {
            entry(xml, rows.get(row++));
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        body.flush();
    }

    private void entry(XMLStreamWriter xml, Event event) throws XMLStreamException {
        String subject = event.cycle().name() + " #" + event.position() + " " + event.commitmentTitle();
        xml.writeStartElement("entry");
        text(xml, "id", ID_PREFIX + event.key());
        if (event.kind() == Activity.Kind.CHECK_IN) {
            text(xml, "title", subject + ": " + event.status().label() + " (" + event.week() + ")");
        } else if (event.kind() == Activity.Kind.LINK_STATE) {
            text(xml, "title", subject + ": " + event.note());
        } else {
            text(
                    xml,
                    "title",
                    subject + ": " + labelOf(event.previous()) + " → "
                            + event.status().label());
        }
        text(xml, "updated", time(event.at()));
        xml.writeStartElement("author");
        text(xml, "name", event.author());
        xml.writeEndElement();
        link(xml, "alternate", "text/html", absolute("/commitments/" + event.commitmentId()));
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", event.status().slug());
        xml.writeAttribute("label", event.status().label());
        xml.writeStartElement("content");
        if (event.kind() == Activity.Kind.CHECK_IN && event.note() != null) {
            xml.writeAttribute("type", "html");
            xml.writeCharacters(xmlSafe(markdown.toHtml(event.note())));
        } else if (event.kind() == Activity.Kind.LINK_STATE) {
            xml.writeAttribute("type", "text");
            xml.writeCharacters(xmlSafe(event.note() + " (recorded by " + event.author() + ")."));
        } else {
            xml.writeAttribute("type", "text");
            xml.writeCharacters(xmlSafe("Status changed from " + labelOf(event.previous()) + " to "
                    + event.status().label() + " by " + event.author() + "."));
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** A team's row of a goal that a person or the goal's topic moved. */
    private void entry(XMLStreamWriter xml, Goals.RowChange row) throws XMLStreamException {
        xml.writeStartElement("entry");
        text(xml, "id", ID_PREFIX + "goal-row:" + row.eventId());
        text(
                xml,
                "title",
                row.goalTitle() + ": " + row.teamName() + " " + row.state().label());
        text(xml, "updated", time(row.at()));
        xml.writeStartElement("author");
        text(xml, "name", row.by());
        xml.writeEndElement();
        link(xml, "alternate", "text/html", absolute("/goals/" + row.goalId()));
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", "goal-" + row.state().slug());
        xml.writeAttribute("label", row.state().label());
        xml.writeStartElement("content");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(xmlSafe(row.teamName() + " now stands at "
                + row.state().label() + " on " + row.goalTitle() + " (set by " + row.by() + ")."));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static String labelOf(org.tctracker.commitment.@Nullable Status status) {
        return status == null ? "none" : status.label();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlSafe(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    /** XML 1.0 cannot carry most control characters, even escaped; they become U+FFFD. */
    static String xmlSafe(String text) {
        return INVALID_IN_XML.matcher(text).replaceAll("\uFFFD");
    }

    private static final Pattern INVALID_IN_XML =
            Pattern.compile("[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private String absolute(String path) {
        return baseUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path(path)
                        .toUriString()
                : baseUrl + path;
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
