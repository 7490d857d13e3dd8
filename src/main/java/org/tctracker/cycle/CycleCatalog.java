package org.tctracker.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every cycle as readers see it, each with its milestones, in one statement; plain SQL, so the
 * command line reads cycles the same way the pages do. Which cycle is current is decided here.
 */
@Component
public class CycleCatalog {

    private final JdbcClient jdbc;

    public CycleCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every cycle, the newest first. */
    public List<CycleTerm> all() {
        return read("", new Object[0]);
    }

    public Optional<CycleTerm> bySlug(String slug) {
        return read("where cy.slug = ?", new Object[] {slug}).stream().findFirst();
    }

    public Optional<CycleTerm> byId(long id) {
        return read("where cy.id = ?", new Object[] {id}).stream().findFirst();
    }

    /** The cycle whose dates contain the given day, else the one that started last. */
    public Optional<CycleTerm> current(LocalDate today) {
        List<CycleTerm> cycles = all();
        return cycles.stream()
                .filter(c -> !today.isBefore(c.startsOn()) && !today.isAfter(c.endsOn()))
                .findFirst()
                .or(() -> cycles.stream().findFirst());
    }

    private List<CycleTerm> read(String where, Object[] params) {
        record Row(long id, String slug, String name, String summit, LocalDate startsOn, LocalDate endsOn) {}
        Map<Row, List<CycleTerm.MilestoneDate>> cycles = new LinkedHashMap<>();
        jdbc.sql("""
                        select cy.id, cy.slug, cy.name, cy.summit, cy.starts_on, cy.ends_on, m.name, m.due_on
                        from cycle cy left join milestone m on m.cycle_id = cy.id
                        %s
                        order by cy.starts_on desc, cy.slug, m.due_on, m.name""".formatted(where)).params(params).query(rs -> {
            Row row = new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, LocalDate.class),
                    rs.getObject(6, LocalDate.class));
            List<CycleTerm.MilestoneDate> milestones = cycles.computeIfAbsent(row, k -> new ArrayList<>());
            String milestone = rs.getString(7);
            if (milestone != null) {
                milestones.add(new CycleTerm.MilestoneDate(milestone, rs.getObject(8, LocalDate.class)));
            }
        });
        List<CycleTerm> terms = new ArrayList<>();
        cycles.forEach((row, milestones) -> terms.add(new CycleTerm(
                row.id(),
                row.slug(),
                row.name(),
                row.summit(),
                row.startsOn(),
                row.endsOn(),
                List.copyOf(milestones))));
        return terms;
    }
}
