/** The forms that add, change and remove people. */
@NullMarked
package org.tctracker.people.web;

import org.jspecify.annotations.NullMarked;
