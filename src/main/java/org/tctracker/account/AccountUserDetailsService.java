package org.tctracker.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        if (Usernames.problemWith(username).isPresent()) {
            throw new UsernameNotFoundException("No such account");
        }
        // An account that signs in only through the identity provider has no password to match.
        return accounts.findByUsername(Usernames.normalize(username))
                .filter(Account::hasPassword)
                .map(TrackerUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
