/** The pages mails link to (unsubscribe, "no change this week") and the choice of mails on /account/mail. */
@NullMarked
package org.tctracker.mail.web;

import org.jspecify.annotations.NullMarked;
