/** The forms that open, change and remove cycles. */
@NullMarked
package org.tctracker.cycle.web;

import org.jspecify.annotations.NullMarked;
