/**
 * Accounts and access: who may sign in, with which role, linked to which person; sign-in with
 * throttling, the security headers and rules every request passes through.
 */
@NullMarked
package org.tctracker.account;

import org.jspecify.annotations.NullMarked;
