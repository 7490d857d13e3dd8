package org.tctracker.account;

/** An account change that the rules forbid; the message says why, in words for the person who asked. */
public class AccountChangeRefusedException extends RuntimeException {

    public AccountChangeRefusedException(String message) {
        super(message);
    }
}
