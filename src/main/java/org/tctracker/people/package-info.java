/** The people who own and collaborate on commitments: names, IRC nicks, affiliations. */
@NullMarked
package org.tctracker.people;

import org.jspecify.annotations.NullMarked;
