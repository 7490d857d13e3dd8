/**
 * The tracker's own mail: a weekly reminder to each person whose open commitments went stale,
 * and the weekly digest to the mailing list. Each person chooses what they get; every mail can be
 * turned off from a link in it without signing in; a mail is sent once however many instances or
 * commands try.
 */
@NullMarked
package org.tctracker.mail;

import org.jspecify.annotations.NullMarked;
