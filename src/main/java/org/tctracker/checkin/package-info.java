/**
 * The weekly routine the tracker exists for: recording where a commitment stands, one at a time
 * or all of a cycle's in one form.
 */
@NullMarked
package org.tctracker.checkin;

import org.jspecify.annotations.NullMarked;
