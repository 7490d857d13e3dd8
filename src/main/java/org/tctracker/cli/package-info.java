/**
 * The command-line mode of the same jar: check, report, export, import. Exit statuses follow the
 * README: 0 done, 1 unexpected error, 2 bad arguments, 3 attention needed, 4 input rejected.
 */
@NullMarked
package org.tctracker.cli;

import org.jspecify.annotations.NullMarked;
