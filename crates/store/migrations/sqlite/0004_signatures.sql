-- The deployment's signing key (derived from the root key; see crypto::signer):
-- its public half per root version, a signature on each audit entry appended while
-- unsealed, and a binding signature on each organisation public key. Entries and
-- keys from before this migration have none: the first unseal after it binds the
-- keys (checking each against its secret half), and `audit verify` counts the
-- unsigned entries.

CREATE TABLE audit_signers (
    root_version INTEGER NOT NULL PRIMARY KEY CHECK (root_version >= 1),
    public_key BLOB NOT NULL
);

ALTER TABLE audit_log ADD COLUMN signer_version INTEGER;
ALTER TABLE audit_log ADD COLUMN signature BLOB;

ALTER TABLE organization_keys ADD COLUMN binding BLOB;
