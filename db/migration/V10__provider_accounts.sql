-- Accounts that sign in through the community's identity provider (OpenID Connect). Such an
-- account is known by the provider's issuer and subject ("sub"), never by its email alone; it
-- may have no password here. One whose owner the tracker could not tell waits for an admin to
-- link it to a person (or refuse it).
ALTER TABLE account ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE account ADD COLUMN provider_issuer VARCHAR(500);
ALTER TABLE account ADD COLUMN provider_subject VARCHAR(255);
-- What the provider said at the latest sign-in, so that an admin can tell who is waiting.
ALTER TABLE account ADD COLUMN provider_name VARCHAR(200);
ALTER TABLE account ADD COLUMN provider_email VARCHAR(254);
ALTER TABLE account ADD COLUMN awaiting_link BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE account ADD CONSTRAINT account_provider_unique UNIQUE (provider_issuer, provider_subject);
ALTER TABLE account ADD CONSTRAINT account_provider_both
    CHECK ((provider_issuer IS NULL) = (provider_subject IS NULL));
ALTER TABLE account ADD CONSTRAINT account_signs_in_somehow
    CHECK (password_hash IS NOT NULL OR provider_subject IS NOT NULL);
