/**
 * What the tracker tells people who follow it from outside: the weekly digest for the mailing
 * list, CSV files for spreadsheets, Atom feeds of check-ins and status changes, and the read model
 * the JSON API is built on. Read with plain SQL in a fixed number of statements.
 */
@NullMarked
package org.tctracker.report;

import org.jspecify.annotations.NullMarked;
