/**
 * The read-only overviews people browse: a cycle's dashboard, the list of cycles, and who holds
 * which commitments. Each page reads only what it shows, in a fixed number of statements.
 */
@NullMarked
package org.tctracker.overview;

import org.jspecify.annotations.NullMarked;
