-- The Mitaka cycle as it stood in the week after the Tokyo summit, when the
-- debrief listing these nine commitments was written. Dates follow the
-- published Mitaka release schedule; links are the public records of the work.

INSERT INTO cycle (slug, name, summit, starts_on, ends_on, created_at, updated_at)
VALUES ('mitaka', 'Mitaka', 'Tokyo', DATE '2015-10-19', DATE '2016-04-07',
        TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00', TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00');

INSERT INTO milestone (cycle_id, name, due_on)
SELECT id, 'Tokyo summit', DATE '2015-10-27' FROM cycle WHERE slug = 'mitaka';
INSERT INTO milestone (cycle_id, name, due_on)
SELECT id, 'Mitaka-1', DATE '2015-12-03' FROM cycle WHERE slug = 'mitaka';
INSERT INTO milestone (cycle_id, name, due_on)
SELECT id, 'Mitaka-2', DATE '2016-01-21' FROM cycle WHERE slug = 'mitaka';
INSERT INTO milestone (cycle_id, name, due_on)
SELECT id, 'Mitaka-3 and feature freeze', DATE '2016-03-03' FROM cycle WHERE slug = 'mitaka';
INSERT INTO milestone (cycle_id, name, due_on)
SELECT id, 'Mitaka release', DATE '2016-04-07' FROM cycle WHERE slug = 'mitaka';

INSERT INTO person (display_name, irc_nick, created_at, updated_at)
VALUES ('Robert Collins', 'lifeless',
        TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00', TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00');

INSERT INTO commitment (cycle_id, position, title, summary, owner_id, status, created_at, updated_at)
SELECT c.id, 1,
       'Lead a TC conversation on what scaling means for OpenStack',
       'Start a community-wide conversation, led by the TC, about what scaling means for OpenStack, so that every project gives it deliberate attention in the way projects already attend to backwards compatibility. Each project chooses how much effort to spend and how to implement it; what users can expect, and how we reason about scale, is shared across OpenStack.' || CHR(10) || CHR(10) ||
       'Related to the performance working group, but scaling is not the same thing as performance.',
       p.id, 'NOT_STARTED',
       TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00', TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00'
FROM cycle c, person p WHERE c.slug = 'mitaka' AND p.irc_nick = 'lifeless';

INSERT INTO commitment (cycle_id, position, title, summary, owner_id, status, created_at, updated_at)
SELECT c.id, 2,
       'Replace the oslo incubator with libraries released from day one',
       'Propose, as a spec for approval, a process in which new oslo code ships as a released library straight away instead of being copied out of the incubator. The hard part is keeping the freedom to refactor early on without promising a stable API, and without breaking every consumer.' || CHR(10) || CHR(10) ||
       'Working idea: versioned submodules inside the package until 1.0.0, copying code forward whenever an incompatible change is needed.',
       p.id, 'IN_PROGRESS',
       TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00', TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00'
FROM cycle c, person p WHERE c.slug = 'mitaka' AND p.irc_nick = 'lifeless';

INSERT INTO commitment (cycle_id, position, title, summary, owner_id, status, created_at, updated_at)
SELECT c.id, 3,
       'Review the app catalog''s review guidelines for gaps',
       'Help the community app catalog team by reading the guidelines they use to review submissions, looking specifically for what they miss, such as assets fetched over plain, unauthenticated HTTP.',
       p.id, 'NOT_STARTED',
       TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00', TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00'
FROM cycle c, person p WHERE c.slug = 'mitaka' AND p.irc_nick = 'lifeless';

INSERT INTO commitment (cycle_id, position, title, summary, owner_id, status, created_at, updated_at)
SELECT c.id, 4,
       'Rethink how minimum versions of requirements are raised',
       'Open a broad discussion about our habit of raising the minimum versions of most requirements eagerly. For some dependencies, libvirt among them, projects instead detect features and degrade gracefully on older releases. Doing that more widely would probably make OpenStack easier for distributions to ship, but the consequences need careful thought first.',
       p.id, 'NOT_STARTED',
       TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00', TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00'
FROM cycle c, person p WHERE c.slug = 'mitaka' AND p.irc_nick = 'lifeless';

INSERT INTO commitment (cycle_id, position, title, summary, owner_id, status, created_at, updated_at)
SELECT c.id, 5,
       'Leadership training for TC members and PTLs',
       'Raise with the TC the idea of real leadership training for the people the community elects to the TC and as PTLs: leading is learned, not innate, and they serve thousands of developers. If the TC agrees, ask the Board to fund it and aim to run it as an event before a summit.' || CHR(10) || CHR(10) ||
       'The idea came from Colette Alexander.',
       p.id, 'NOT_STARTED',
       TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00', TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00'
FROM cycle c, person p WHERE c.slug = 'mitaka' AND p.irc_nick = 'lifeless';

INSERT INTO commitment (cycle_id, position, title, summary, owner_id, status, created_at, updated_at)
SELECT c.id, 6,
       'More reviewers for the oslo.messaging Kafka driver spec',
       'Ask the HP engineers who have been running Kafka to review the oslo.messaging Kafka driver specification.',
       p.id, 'NOT_STARTED',
       TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00', TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00'
FROM cycle c, person p WHERE c.slug = 'mitaka' AND p.irc_nick = 'lifeless';

INSERT INTO commitment (cycle_id, position, title, summary, owner_id, status, created_at, updated_at)
SELECT c.id, 7,
       'Put Yahoo and HP''s iLO team in touch about IPMI lockups',
       'Yahoo is seeing the same IPMI lockups on iLO hardware that hit the TripleO test cloud, and that the infra-cloud team still sees. Connect Yahoo with HP''s iLO team so the underlying bug gets fixed for everyone.',
       p.id, 'NOT_STARTED',
       TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00', TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00'
FROM cycle c, person p WHERE c.slug = 'mitaka' AND p.irc_nick = 'lifeless';

INSERT INTO commitment (cycle_id, position, title, summary, owner_id, status, created_at, updated_at)
SELECT c.id, 8,
       'Spec for refactoring testrepository and subunit2sql',
       'Write a clear spec for restructuring the testrepository and subunit2sql layers: every data store backend in one shared repository, an HTTP REST API for consumers such as openstack-health, and a command line that stays pleasant for people who use it directly.',
       p.id, 'NOT_STARTED',
       TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00', TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00'
FROM cycle c, person p WHERE c.slug = 'mitaka' AND p.irc_nick = 'lifeless';

INSERT INTO commitment (cycle_id, position, title, summary, owner_id, status, created_at, updated_at)
SELECT c.id, 9,
       'A formal proposal for a stabilisation cycle',
       'Draft a formal proposal for a stabilisation cycle that gives the product working group, users and core developers what each is asking for, and breaks the current deadlock. The root of it is fear of saying no to feature patches when contributors'' income depends on landing work upstream, and such refusals are hard conversations.' || CHR(10) || CHR(10) ||
       'Find a balance point, then share the plan widely, including with the Board, so that member companies look after their developers.',
       p.id, 'NOT_STARTED',
       TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00', TIMESTAMP WITH TIME ZONE '2015-11-05 09:00:00+00:00'
FROM cycle c, person p WHERE c.slug = 'mitaka' AND p.irc_nick = 'lifeless';

INSERT INTO spec_link (commitment_id, title, url, kind, state, created_at, updated_at)
SELECT m.id, 'Unstable APIs without an incubator (oslo-specs, Mitaka)',
       'https://specs.openstack.org/openstack/oslo-specs/specs/mitaka/no-incubator-api-freedom.html',
       'SPEC', 'APPROVED',
       TIMESTAMP WITH TIME ZONE '2015-12-14 00:00:00+00:00', TIMESTAMP WITH TIME ZONE '2015-12-14 00:00:00+00:00'
FROM commitment m JOIN cycle c ON c.id = m.cycle_id WHERE c.slug = 'mitaka' AND m.position = 2;

INSERT INTO spec_link (commitment_id, title, url, kind, state, created_at, updated_at)
SELECT m.id, 'Leadership training proposal (openstack-dev, March 2016)',
       'http://lists.openstack.org/pipermail/openstack-dev/2016-March/087980.html',
       'MAILING_LIST', 'APPROVED',
       TIMESTAMP WITH TIME ZONE '2016-03-01 00:00:00+00:00', TIMESTAMP WITH TIME ZONE '2016-03-01 00:00:00+00:00'
FROM commitment m JOIN cycle c ON c.id = m.cycle_id WHERE c.slug = 'mitaka' AND m.position = 5;

INSERT INTO spec_link (commitment_id, title, url, kind, state, created_at, updated_at)
SELECT m.id, 'Leadership training recap (openstack-dev, July 2016)',
       'http://lists.openstack.org/pipermail/openstack-dev/2016-July/098875.html',
       'MAILING_LIST', 'IMPLEMENTED',
       TIMESTAMP WITH TIME ZONE '2016-07-06 00:00:00+00:00', TIMESTAMP WITH TIME ZONE '2016-07-06 00:00:00+00:00'
FROM commitment m JOIN cycle c ON c.id = m.cycle_id WHERE c.slug = 'mitaka' AND m.position = 5;

INSERT INTO spec_link (commitment_id, title, url, kind, state, created_at, updated_at)
SELECT m.id, 'Stabilization cycles: reply naming it point 9 (openstack-dev, January 2016)',
       'http://lists.openstack.org/pipermail/openstack-dev/2016-January/084681.html',
       'MAILING_LIST', 'IN_REVIEW',
       TIMESTAMP WITH TIME ZONE '2016-01-20 00:00:00+00:00', TIMESTAMP WITH TIME ZONE '2016-01-20 00:00:00+00:00'
FROM commitment m JOIN cycle c ON c.id = m.cycle_id WHERE c.slug = 'mitaka' AND m.position = 9;
