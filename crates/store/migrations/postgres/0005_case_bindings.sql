-- A case's binding: the deployment's signing key's signature over its id, owner,
-- country, urgency, status, creation time and a digest of its content (see
-- crypto::signer). Those fields stay in clear for ordering and counting; with the
-- binding (and the same fields in the content's associated data) a database
-- writer can neither change them unnoticed nor plant a case with the public key
-- alone. Cases from before this migration are bound at the next unseal.
ALTER TABLE cases ADD COLUMN binding BYTEA;
