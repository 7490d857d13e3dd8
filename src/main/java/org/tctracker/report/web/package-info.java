/** The digest (Markdown and a preview page), the CSV downloads and the Atom feeds. */
@NullMarked
package org.tctracker.report.web;

import org.jspecify.annotations.NullMarked;
