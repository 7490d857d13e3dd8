package org.tctracker.cli;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tctracker.cycle.Cycle;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The cycle a command works on: the one named with --cycle, or the current one. */
final class CycleChoice {

    private CycleChoice() {}

    static Cycle resolve(JdbcClient jdbc, @Nullable String slug, LocalDate today, CommandSpec spec) {
        String sql = "select id, slug, name, summit, starts_on, ends_on from cycle ";
        var query = slug == null
                ? jdbc.sql(sql + "order by case when starts_on <= ? and ends_on >= ? then 0 else 1 end, starts_on desc"
                                + " fetch first 1 rows only")
                        .params(today, today)
                : jdbc.sql(sql + "where slug = ?").param(slug);
        return query.query((rs, n) -> new Cycle(
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class)))
                .optional()
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(),
                        slug == null ? "There is no cycle yet." : "There is no cycle called \"" + slug + "\"."));
    }
}
