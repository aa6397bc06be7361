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
-- This file and its SQLite twin differ only in column types: here UUIDs, booleans and
-- 64-bit integers have native types.

CREATE TABLE organizations (
    id UUID NOT NULL PRIMARY KEY,
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    public_contact TEXT NOT NULL,
    website TEXT
);

CREATE TABLE organization_codes (
    organization_id UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    list TEXT NOT NULL CHECK (list IN ('country', 'region', 'language')),
    position BIGINT NOT NULL,
    code TEXT NOT NULL,
    PRIMARY KEY (organization_id, list, position)
);

CREATE TABLE organization_translations (
    organization_id UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    name TEXT,
    description TEXT,
    eligibility TEXT,
    PRIMARY KEY (organization_id, language)
);

CREATE TABLE services (
    id UUID NOT NULL PRIMARY KEY,
    position BIGINT NOT NULL,
    organization_id UUID NOT NULL REFERENCES organizations (id),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    support TEXT NOT NULL,
    worldwide BOOLEAN NOT NULL,
    remote_areas BOOLEAN NOT NULL,
    family_eligible BOOLEAN NOT NULL,
    eligibility TEXT NOT NULL,
    response_hours BIGINT NOT NULL,
    open BOOLEAN NOT NULL
);

CREATE INDEX services_by_organization ON services (organization_id);

CREATE TABLE service_codes (
    service_id UUID NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    list TEXT NOT NULL
        CHECK (list IN ('country', 'region', 'exile_from', 'group', 'language', 'format')),
    position BIGINT NOT NULL,
    code TEXT NOT NULL,
    PRIMARY KEY (service_id, list, position)
);

CREATE INDEX service_codes_by_code ON service_codes (list, code);

CREATE TABLE service_translations (
    service_id UUID NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    name TEXT,
    description TEXT,
    eligibility TEXT,
    PRIMARY KEY (service_id, language)
);

CREATE TABLE allies (
    id UUID NOT NULL PRIMARY KEY,
    position BIGINT NOT NULL,
    organization_id UUID NOT NULL REFERENCES organizations (id),
    name TEXT NOT NULL,
    profession TEXT NOT NULL,
    country TEXT NOT NULL,
    contact TEXT NOT NULL,
    notes TEXT NOT NULL
);

CREATE INDEX allies_by_organization ON allies (organization_id);

CREATE TABLE ally_codes (
    ally_id UUID NOT NULL REFERENCES allies (id) ON DELETE CASCADE,
    list TEXT NOT NULL CHECK (list IN ('region', 'language')),
    position BIGINT NOT NULL,
    code TEXT NOT NULL,
    PRIMARY KEY (ally_id, list, position)
);
