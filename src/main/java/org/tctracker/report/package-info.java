/** What the tracker tells people who follow it from outside: the weekly digest for the mailing list. */
@NullMarked
package org.tctracker.report;

import org.jspecify.annotations.NullMarked;
