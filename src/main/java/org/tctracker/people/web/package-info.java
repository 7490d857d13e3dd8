/**
 * Every page under {@code /people}: everyone, each person's page with what they hold, and the
 * forms that add, change and remove people. A module of its own within {@code people}, above the
 * commitments it lists, so that people stay below them.
 */
@NullMarked
@ApplicationModule(displayName = "People pages")
package org.tctracker.people.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
