-- Domain events wait here until every listener has finished with them (Spring Modulith's event
-- publication registry): a listener that fails, or an instance that stops mid-way, leaves its
-- row incomplete, and it is handed to the listener again. Column names and types are the ones
-- the registry's JDBC repository reads and writes (its schema version 2).
CREATE TABLE event_publication (
    id                      UUID                     NOT NULL,
    listener_id             VARCHAR(512)             NOT NULL,
    event_type              VARCHAR(512)             NOT NULL,
    serialized_event        VARCHAR(4000)            NOT NULL,
    publication_date        TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date         TIMESTAMP WITH TIME ZONE,
    status                  VARCHAR(20),
    completion_attempts     INT,
    last_resubmission_date  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT event_publication_pk PRIMARY KEY (id)
);

CREATE INDEX event_publication_by_listener_idx ON event_publication (listener_id, serialized_event);
CREATE INDEX event_publication_by_completion_idx ON event_publication (completion_date);

-- One row per piece of scheduled work (ShedLock): the instance that holds the row until
-- lock_until does the work; the others skip that round.
CREATE TABLE shedlock (
    name        VARCHAR(64)  NOT NULL,
    lock_until  TIMESTAMP    NOT NULL,
    locked_at   TIMESTAMP    NOT NULL,
    locked_by   VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);
