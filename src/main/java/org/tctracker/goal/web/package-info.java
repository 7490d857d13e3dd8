/**
 * The goal and team pages: a goal's team-by-team matrix with its burn-up chart and spreadsheet,
 * the forms that make a commitment a goal and set a team's row, and the project teams with what
 * each stands on. A module of its own above the goals it shows.
 */
@NullMarked
@ApplicationModule(displayName = "Goal pages")
package org.tctracker.goal.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
