-- A link whose address a known source serves (a Gerrit change, a Launchpad blueprint or bug, a
-- StoryBoard story, a page on specs.openstack.org) keeps the state that source reports.
--   source_kind, source: which kind of source, and the server it was recognised as (such as
--     https://review.opendev.org); both empty for a link no source serves.
--   detached: a person chose to set this link's state by hand although a source serves it.
--   source_status, source_since, source_detail, source_patch_set, source_blocked: what the source
--     said at the last reading that changed anything (its own word for the status, since when,
--     the review votes, the current patch set, a Code-Review -2). These are part of the history:
--     a change to them is saved as a revision signed "sync".
--   source_name: a short name for the record there ("oslo-specs 245422", "bug 1526145").
--   synced_at, sync_error, sync_failed_at: the last successful reading, and the last failure
--     since then (cleared by the next success). Not history: they change at every refresh.
ALTER TABLE spec_link ADD COLUMN source_kind VARCHAR(16);
ALTER TABLE spec_link ADD COLUMN source VARCHAR(300);
ALTER TABLE spec_link ADD COLUMN detached BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE spec_link ADD COLUMN source_status VARCHAR(60);
ALTER TABLE spec_link ADD COLUMN source_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE spec_link ADD COLUMN source_detail VARCHAR(200);
ALTER TABLE spec_link ADD COLUMN source_patch_set INTEGER;
ALTER TABLE spec_link ADD COLUMN source_blocked BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE spec_link ADD COLUMN source_name VARCHAR(200);
ALTER TABLE spec_link ADD COLUMN synced_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE spec_link ADD COLUMN sync_error VARCHAR(300);
ALTER TABLE spec_link ADD COLUMN sync_failed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE spec_link ADD CONSTRAINT spec_link_source_kind_known
    CHECK (source_kind IS NULL OR source_kind IN ('GERRIT', 'LAUNCHPAD', 'STORYBOARD', 'SPECS_SITE'));
ALTER TABLE spec_link ADD CONSTRAINT spec_link_source_named CHECK ((source_kind IS NULL) = (source IS NULL));

ALTER TABLE spec_link_aud ADD COLUMN source_kind VARCHAR(16);
ALTER TABLE spec_link_aud ADD COLUMN source VARCHAR(300);
ALTER TABLE spec_link_aud ADD COLUMN detached BOOLEAN;
ALTER TABLE spec_link_aud ADD COLUMN source_status VARCHAR(60);
ALTER TABLE spec_link_aud ADD COLUMN source_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE spec_link_aud ADD COLUMN source_detail VARCHAR(200);
ALTER TABLE spec_link_aud ADD COLUMN source_patch_set INTEGER;
ALTER TABLE spec_link_aud ADD COLUMN source_blocked BOOLEAN;

-- Kept pages are served while the records are as they were when the page was rendered: the
-- history's revisions count every change, and this counter the changes that are not history
-- (a link read again, a source that stopped answering).
CREATE TABLE records_touch (
    id      INTEGER NOT NULL,
    serial  BIGINT  NOT NULL,
    CONSTRAINT records_touch_pk PRIMARY KEY (id),
    CONSTRAINT records_touch_one_row CHECK (id = 1)
);
INSERT INTO records_touch (id, serial) VALUES (1, 0);
