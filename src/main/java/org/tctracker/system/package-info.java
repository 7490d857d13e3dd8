/** Configuration that belongs to no single feature: settings, time, error pages, the page layout. */
@NullMarked
package org.tctracker.system;

import org.jspecify.annotations.NullMarked;
