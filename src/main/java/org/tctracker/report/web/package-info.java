/** The digest as a Markdown file for the mailing list. */
@NullMarked
package org.tctracker.report.web;

import org.jspecify.annotations.NullMarked;
