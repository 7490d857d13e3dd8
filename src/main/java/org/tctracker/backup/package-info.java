/**
 * Every record of the tracker as one JSON document, and back: the export and import behind the
 * command line, checked against the same limits the records keep. The one module that reads
 * every module's tables, since it copies them all.
 */
@NullMarked
package org.tctracker.backup;

import org.jspecify.annotations.NullMarked;
