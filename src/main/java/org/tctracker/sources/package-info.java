/**
 * The places where the work happens and that keep a link's state themselves: Gerrit changes,
 * Launchpad blueprints and bugs, StoryBoard stories, and the published pages of
 * specs.openstack.org. A link whose address one of them serves is read there: in the background on
 * the running server (one instance at a time), right after it is added, and by the {@code sync}
 * command. What was read is saved through the commitment module's {@code LinkReadings}.
 */
@NullMarked
package org.tctracker.sources;

import org.jspecify.annotations.NullMarked;
