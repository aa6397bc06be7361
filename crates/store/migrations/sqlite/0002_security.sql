-- The security core: keyring, organisations' key pairs, staff, sessions, encrypted
-- cases and the audit chain. No column here ever holds sensitive content in clear:
-- `cases.content`, `organization_keys.wrapped_secret`, `staff_users.totp_sealed` and
-- `case_keys.wrapped_key` are ciphertexts; passwords, session tokens and recovery
-- codes are stored only as hashes.
--
-- Organisation ids are not foreign keys to `organizations`: the directory is
-- replaced wholesale on import, while keys, staff and cases must outlive that.

CREATE TABLE keyring (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    record TEXT NOT NULL
);

CREATE TABLE organization_keys (
    organization_id BLOB NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    public_key TEXT NOT NULL,
    wrapped_secret BLOB NOT NULL,
    root_version INTEGER NOT NULL,
    created_at_ms INTEGER NOT NULL,
    PRIMARY KEY (organization_id, version)
);

CREATE TABLE staff_users (
    id BLOB NOT NULL PRIMARY KEY,
    organization_id BLOB NOT NULL,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    must_change_password INTEGER NOT NULL,
    totp_sealed BLOB,
    totp_last_step INTEGER,
    disabled INTEGER NOT NULL,
    locale TEXT,
    created_at_ms INTEGER NOT NULL
);

CREATE INDEX staff_users_by_organization ON staff_users (organization_id, username);

CREATE TABLE recovery_codes (
    user_id BLOB NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    digest TEXT NOT NULL,
    used_at_ms INTEGER,
    PRIMARY KEY (user_id, digest)
);

CREATE TABLE sessions (
    token_digest TEXT NOT NULL PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    last_seen_ms INTEGER NOT NULL,
    second_factor INTEGER NOT NULL
);

CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE cases (
    id BLOB NOT NULL PRIMARY KEY,
    organization_id BLOB NOT NULL,
    country TEXT NOT NULL,
    urgency TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    content BLOB NOT NULL
);

CREATE INDEX cases_by_organization ON cases (organization_id, created_at_ms);

-- One row per organisation that can open the case. Erasing a case deletes these
-- rows: without them the content cannot be decrypted.
CREATE TABLE case_keys (
    case_id BLOB NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    organization_id BLOB NOT NULL,
    key_version INTEGER NOT NULL,
    wrapped_key BLOB NOT NULL,
    PRIMARY KEY (case_id, organization_id)
);

CREATE INDEX case_keys_by_organization ON case_keys (organization_id);

-- Append-only. `seq` has no gaps; `hash` covers the entry and `prev_hash`.
CREATE TABLE audit_log (
    seq INTEGER NOT NULL PRIMARY KEY,
    at_ms INTEGER NOT NULL,
    actor TEXT NOT NULL,
    organization_id TEXT,
    action TEXT NOT NULL,
    object TEXT,
    prev_hash BLOB NOT NULL,
    hash BLOB NOT NULL
);

CREATE INDEX audit_log_by_object ON audit_log (object, seq);

-- The newest entry's seq and hash, updated with every append: cutting entries from
-- the end of the log leaves it pointing past them. Its row lock also serialises
-- appends.
CREATE TABLE audit_head (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash BLOB NOT NULL
);
