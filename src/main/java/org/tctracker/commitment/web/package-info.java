/** The commitment's own page. */
@NullMarked
package org.tctracker.commitment.web;

import org.jspecify.annotations.NullMarked;
