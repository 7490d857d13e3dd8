/**
 * Every page under {@code /cycles} and the current cycle's at {@code /}: the cycles and their
 * forms, each cycle's board of commitments with its chart, the weekly check-in, carrying work
 * over, and what outsiders read of a cycle (the digest, spreadsheets, feed). A module of its own
 * within {@code cycle}, above the commitments it shows, so that cycles stay below them.
 */
@NullMarked
@ApplicationModule(displayName = "Cycle pages")
package org.tctracker.cycle.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
