package org.tctracker.cli;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.tctracker.cycle.CycleCatalog;
import org.tctracker.cycle.CycleTerm;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The cycle a command works on: the one named with --cycle, or the current one. */
final class CycleChoice {

    private CycleChoice() {}

    static CycleTerm resolve(CycleCatalog cycles, @Nullable String slug, LocalDate today, CommandSpec spec) {
        return (slug == null ? cycles.current(today) : cycles.bySlug(slug))
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(),
                        slug == null ? "There is no cycle yet." : "There is no cycle called \"" + slug + "\"."));
    }
}
