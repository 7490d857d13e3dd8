/**
 * Community-wide goals: a commitment whose work every project team (or a chosen set of them) does
 * in its own repositories, with a row per team saying where that team stands. The project teams
 * come from the governance repository's {@code projects.yaml}; a goal's Gerrit topic fills its
 * rows from the changes that carry it, unless a person set a row by hand.
 */
@NullMarked
package org.tctracker.goal;

import org.jspecify.annotations.NullMarked;
