/** Sign-in, your own account page, and account management for admins. */
@NullMarked
package org.tctracker.account.web;

import org.jspecify.annotations.NullMarked;
