-- Where an unfinished commitment was carried over to, when a cycle's open work
-- moves on to the next one.
ALTER TABLE commitment ADD COLUMN carried_to_id BIGINT;
ALTER TABLE commitment ADD CONSTRAINT commitment_carried_to_fk
    FOREIGN KEY (carried_to_id) REFERENCES commitment (id) ON DELETE SET NULL;
ALTER TABLE commitment_aud ADD COLUMN carried_to_id BIGINT;
