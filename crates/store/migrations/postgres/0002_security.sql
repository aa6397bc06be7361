-- The security core: keyring, organisations' key pairs, staff, sessions, encrypted
-- cases and the audit chain. No column here ever holds sensitive content in clear:
-- `cases.content`, `organization_keys.wrapped_secret`, `staff_users.totp_sealed` and
-- `case_keys.wrapped_key` are ciphertexts; passwords, session tokens and recovery
-- codes are stored only as hashes.
--
-- Organisation ids are not foreign keys to `organizations`: the directory is
-- replaced wholesale on import, while keys, staff and cases must outlive that.

CREATE TABLE keyring (
    id SMALLINT NOT NULL PRIMARY KEY CHECK (id = 1),
    record TEXT NOT NULL
);

CREATE TABLE organization_keys (
    organization_id UUID NOT NULL,
    version BIGINT NOT NULL CHECK (version >= 1),
    public_key TEXT NOT NULL,
    wrapped_secret BYTEA NOT NULL,
    root_version BIGINT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    PRIMARY KEY (organization_id, version)
);

CREATE TABLE staff_users (
    id UUID NOT NULL PRIMARY KEY,
    organization_id UUID NOT NULL,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    must_change_password BOOLEAN NOT NULL,
    totp_sealed BYTEA,
    totp_last_step BIGINT,
    disabled BOOLEAN NOT NULL,
    locale TEXT,
    created_at_ms BIGINT NOT NULL
);

CREATE INDEX staff_users_by_organization ON staff_users (organization_id, username);

CREATE TABLE recovery_codes (
    user_id UUID NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    digest TEXT NOT NULL,
    used_at_ms BIGINT,
    PRIMARY KEY (user_id, digest)
);

CREATE TABLE sessions (
    token_digest TEXT NOT NULL PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    last_seen_ms BIGINT NOT NULL,
    second_factor BOOLEAN NOT NULL
);

CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE cases (
    id UUID NOT NULL PRIMARY KEY,
    organization_id UUID NOT NULL,
    country TEXT NOT NULL,
    urgency TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    content BYTEA NOT NULL
);

CREATE INDEX cases_by_organization ON cases (organization_id, created_at_ms);

-- One row per organisation that can open the case. Erasing a case deletes these
-- rows: without them the content cannot be decrypted.
CREATE TABLE case_keys (
    case_id UUID NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    organization_id UUID NOT NULL,
    key_version BIGINT NOT NULL,
    wrapped_key BYTEA NOT NULL,
    PRIMARY KEY (case_id, organization_id)
);

CREATE INDEX case_keys_by_organization ON case_keys (organization_id);

-- Append-only. `seq` has no gaps; `hash` covers the entry and `prev_hash`.
CREATE TABLE audit_log (
    seq BIGINT NOT NULL PRIMARY KEY,
    at_ms BIGINT NOT NULL,
    actor TEXT NOT NULL,
    organization_id TEXT,
    action TEXT NOT NULL,
    object TEXT,
    prev_hash BYTEA NOT NULL,
    hash BYTEA NOT NULL
);

CREATE INDEX audit_log_by_object ON audit_log (object, seq);

-- The newest entry's seq and hash, updated with every append: cutting entries from
-- the end of the log leaves it pointing past them. Its row lock also serialises
-- appends.
CREATE TABLE audit_head (
    id SMALLINT NOT NULL PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash BYTEA NOT NULL
);
