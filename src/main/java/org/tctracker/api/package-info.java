/**
 * The read API under {@code /api/v1} for scripts: cycles, their commitments, one commitment with
 * its check-ins, and people, as JSON with stable field names. Errors come as
 * {@code application/problem+json}, and every answer carries an ETag for cheap polling.
 */
@NullMarked
package org.tctracker.api;

import org.jspecify.annotations.NullMarked;
