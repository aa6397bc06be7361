-- Requests from intake. A request is a case of the receiving organisation; what
-- makes it a request is kept here:
-- * `cases.codename_digest`: the HMAC of its codename under the server's codename
--   key (never the codename), unique, to find it from the status page;
-- * `cases.defender_wrapped_key`: the case's data key wrapped to the defender's
--   own key (derived from the codename), so the defender reads the request and
--   adds to it with no key of the server's, sealed or not;
-- * `cases.defender_seen_at_ms`: the defender's last visit, for "what changed".
-- `case_entries` holds what was added to a case after it was made (a defender's
-- message or new risk; later a caseworker's answer), each sealed under the case's
-- data key: erasing the case's keys destroys them with it.
ALTER TABLE cases ADD COLUMN codename_digest BLOB;
ALTER TABLE cases ADD COLUMN defender_wrapped_key BLOB;
ALTER TABLE cases ADD COLUMN defender_seen_at_ms INTEGER;
CREATE UNIQUE INDEX cases_by_codename ON cases (codename_digest);
CREATE INDEX cases_by_status ON cases (organization_id, status, urgency);

CREATE TABLE case_entries (
    id BLOB NOT NULL PRIMARY KEY,
    case_id BLOB NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    kind TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    content BLOB NOT NULL
);
CREATE INDEX case_entries_by_case ON case_entries (case_id, at_ms);
