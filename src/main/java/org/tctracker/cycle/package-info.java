/** Release cycles (Mitaka, …): their dates, summit and milestones, and which one is current. */
@NullMarked
package org.tctracker.cycle;

import org.jspecify.annotations.NullMarked;
