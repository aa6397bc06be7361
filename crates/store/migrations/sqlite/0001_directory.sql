-- The directory: organisations, their services, and the allies on their rosters.
--
-- Scalar fields are columns. Each list of codes lives in one child table per owner
-- (`*_codes`), one row per code, tagged with the list it belongs to and its position
-- in that list. Child rows rather than JSON text so that coverage and gap queries can
-- join on codes with an index, and so that the database itself refuses a list entry
-- without an owner. One table per owner with a `list` column, rather than one table
-- per list, keeps the schema (and the batch of inserts in a replace) small.
-- Translations get their own child tables because each holds several texts.
--
-- `position` keeps the order in which records were stored, so loading gives back the
-- same directory, not merely an equal set.
--
-- This file and its PostgreSQL twin differ only in column types: SQLite keeps UUIDs
-- as 16-byte blobs and booleans as 0/1 integers, and its tables are STRICT so a value
-- of the wrong type is an error rather than silently kept.

CREATE TABLE organizations (
    id BLOB NOT NULL PRIMARY KEY,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    public_contact TEXT NOT NULL,
    website TEXT
) STRICT;

CREATE TABLE organization_codes (
    organization_id BLOB NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    list TEXT NOT NULL CHECK (list IN ('country', 'region', 'language')),
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    PRIMARY KEY (organization_id, list, position)
) STRICT;

CREATE TABLE organization_translations (
    organization_id BLOB NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    name TEXT,
    description TEXT,
    eligibility TEXT,
    PRIMARY KEY (organization_id, language)
) STRICT;

CREATE TABLE services (
    id BLOB NOT NULL PRIMARY KEY,
    position INTEGER NOT NULL,
    organization_id BLOB NOT NULL REFERENCES organizations (id),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    support TEXT NOT NULL,
    worldwide INTEGER NOT NULL CHECK (worldwide IN (0, 1)),
    remote_areas INTEGER NOT NULL CHECK (remote_areas IN (0, 1)),
    family_eligible INTEGER NOT NULL CHECK (family_eligible IN (0, 1)),
    eligibility TEXT NOT NULL,
    response_hours INTEGER NOT NULL,
    open INTEGER NOT NULL CHECK (open IN (0, 1))
) STRICT;

CREATE INDEX services_by_organization ON services (organization_id);

CREATE TABLE service_codes (
    service_id BLOB NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    list TEXT NOT NULL
        CHECK (list IN ('country', 'region', 'exile_from', 'group', 'language', 'format')),
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    PRIMARY KEY (service_id, list, position)
) STRICT;

CREATE INDEX service_codes_by_code ON service_codes (list, code);

CREATE TABLE service_translations (
    service_id BLOB NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    name TEXT,
    description TEXT,
    eligibility TEXT,
    PRIMARY KEY (service_id, language)
) STRICT;

CREATE TABLE allies (
    id BLOB NOT NULL PRIMARY KEY,
    position INTEGER NOT NULL,
    organization_id BLOB NOT NULL REFERENCES organizations (id),
    name TEXT NOT NULL,
    profession TEXT NOT NULL,
    country TEXT NOT NULL,
    contact TEXT NOT NULL,
    notes TEXT NOT NULL
) STRICT;

CREATE INDEX allies_by_organization ON allies (organization_id);

CREATE TABLE ally_codes (
    ally_id BLOB NOT NULL REFERENCES allies (id) ON DELETE CASCADE,
    list TEXT NOT NULL CHECK (list IN ('region', 'language')),
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    PRIMARY KEY (ally_id, list, position)
) STRICT;
