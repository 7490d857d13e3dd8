/**
 * Commitments made for a cycle: what was promised, who owns it, where it stands, the specs and
 * reviews that carry it, and the weekly check-ins that record its progress.
 */
@NullMarked
package org.tctracker.commitment;

import org.jspecify.annotations.NullMarked;
