-- WebAuthn security keys and passkeys: a second factor beside TOTP. `credential`
-- holds the public key and signature counter (as webauthn-rs serialises them): no
-- secret, since the private key never leaves the authenticator.

CREATE TABLE security_keys (
    credential_id TEXT NOT NULL PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    credential TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    last_used_ms INTEGER
);

CREATE INDEX security_keys_by_user ON security_keys (user_id);
