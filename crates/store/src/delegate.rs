//! `impl Store` for an engine, written once: every method forwards to the engine's
//! `directory` (`SqlDirectory`) or `security` (`SqlSecurity`), so the two engines
//! cannot drift apart. An engine differs only in how it opens its pool and in its
//! `Dialect`.

/// Implements `Store` for `$store`, a struct with the fields `directory` and
/// `security`, reporting `$engine`.
macro_rules! impl_store {
    ($store:ty, $engine:expr) => {
        #[async_trait::async_trait]
        impl $crate::Store for $store {
            fn engine(&self) -> $crate::Engine {
                $engine
            }

            async fn load_directory(
                &self,
            ) -> Result<torchlight_core::Directory, $crate::StoreError> {
                self.directory.load().await
            }

            async fn replace_directory(
                &self,
                directory: &torchlight_core::Directory,
            ) -> Result<(), $crate::StoreError> {
                self.directory.replace(directory).await
            }

            async fn directory_is_empty(&self) -> Result<bool, $crate::StoreError> {
                self.directory.is_empty().await
            }

            async fn ping(&self) -> Result<(), $crate::StoreError> {
                self.directory.ping().await
            }

            async fn keyring(
                &self,
            ) -> Result<Option<torchlight_crypto::keyring::KeyringRecord>, $crate::StoreError> {
                self.security.keyring().await
            }

            async fn initialize_keyring(
                &self,
                record: &torchlight_crypto::keyring::KeyringRecord,
                keys: &[$crate::OrganizationKey],
                event: torchlight_crypto::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                self.security.initialize_keyring(record, keys, event).await
            }

            async fn organization_keys(
                &self,
            ) -> Result<Vec<$crate::OrganizationKey>, $crate::StoreError> {
                self.security.organization_keys().await
            }

            async fn current_organization_key(
                &self,
                organization: uuid::Uuid,
            ) -> Result<Option<$crate::OrganizationKey>, $crate::StoreError> {
                self.security.current_organization_key(organization).await
            }

            async fn organization_key(
                &self,
                organization: uuid::Uuid,
                version: i64,
            ) -> Result<Option<$crate::OrganizationKey>, $crate::StoreError> {
                self.security.organization_key(organization, version).await
            }

            async fn add_organization_keys(
                &self,
                keys: &[$crate::OrganizationKey],
                event: torchlight_crypto::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                self.security.add_organization_keys(keys, event).await
            }

            async fn rotate_root(
                &self,
                record: &torchlight_crypto::keyring::KeyringRecord,
                organization_keys: &[$crate::OrganizationKey],
                totp_secrets: &[(uuid::Uuid, Vec<u8>)],
                event: torchlight_crypto::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                self.security
                    .rotate_root(record, organization_keys, totp_secrets, event)
                    .await
            }

            async fn rotate_organization_key(
                &self,
                new_key: &$crate::OrganizationKey,
                rewrapped: &[$crate::CaseKey],
                event: torchlight_crypto::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                self.security
                    .rotate_organization_key(new_key, rewrapped, event)
                    .await
            }

            async fn case_keys_of_organization(
                &self,
                organization: uuid::Uuid,
            ) -> Result<Vec<$crate::CaseKey>, $crate::StoreError> {
                self.security.case_keys_of_organization(organization).await
            }

            async fn create_user(
                &self,
                user: &$crate::StaffUser,
                event: torchlight_crypto::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                self.security.create_user(user, event).await
            }

            async fn user(
                &self,
                id: uuid::Uuid,
            ) -> Result<Option<$crate::StaffUser>, $crate::StoreError> {
                self.security.user(id).await
            }

            async fn user_by_username(
                &self,
                username: &str,
            ) -> Result<Option<$crate::StaffUser>, $crate::StoreError> {
                self.security.user_by_username(username).await
            }

            async fn users_of_organization(
                &self,
                organization: uuid::Uuid,
            ) -> Result<Vec<$crate::StaffUser>, $crate::StoreError> {
                self.security.users_of_organization(organization).await
            }

            async fn update_user(
                &self,
                user: &$crate::StaffUser,
                event: Option<torchlight_crypto::audit::AuditEvent>,
            ) -> Result<(), $crate::StoreError> {
                self.security.update_user(user, event).await
            }

            async fn advance_totp_step(
                &self,
                user: uuid::Uuid,
                step: i64,
            ) -> Result<bool, $crate::StoreError> {
                self.security.advance_totp_step(user, step).await
            }

            async fn replace_recovery_codes(
                &self,
                user: uuid::Uuid,
                digests: &[String],
            ) -> Result<(), $crate::StoreError> {
                self.security.replace_recovery_codes(user, digests).await
            }

            async fn use_recovery_code(
                &self,
                user: uuid::Uuid,
                digest: &str,
            ) -> Result<bool, $crate::StoreError> {
                self.security.use_recovery_code(user, digest).await
            }

            async fn remaining_recovery_codes(
                &self,
                user: uuid::Uuid,
            ) -> Result<i64, $crate::StoreError> {
                self.security.remaining_recovery_codes(user).await
            }

            async fn create_session(
                &self,
                session: &$crate::Session,
            ) -> Result<(), $crate::StoreError> {
                self.security.create_session(session).await
            }

            async fn session(
                &self,
                token_digest: &str,
            ) -> Result<Option<$crate::Session>, $crate::StoreError> {
                self.security.session(token_digest).await
            }

            async fn touch_session(
                &self,
                token_digest: &str,
                now_ms: i64,
            ) -> Result<(), $crate::StoreError> {
                self.security.touch_session(token_digest, now_ms).await
            }

            async fn delete_session(&self, token_digest: &str) -> Result<(), $crate::StoreError> {
                self.security.delete_session(token_digest).await
            }

            async fn delete_sessions_of_user(
                &self,
                user: uuid::Uuid,
            ) -> Result<u64, $crate::StoreError> {
                self.security.delete_sessions_of_user(user).await
            }

            async fn create_case(
                &self,
                scope: uuid::Uuid,
                record: &$crate::CaseRecord,
                keys: &[$crate::CaseKey],
                event: torchlight_crypto::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                self.security.create_case(scope, record, keys, event).await
            }

            async fn update_case(
                &self,
                scope: uuid::Uuid,
                record: &$crate::CaseRecord,
                event: torchlight_crypto::audit::AuditEvent,
            ) -> Result<bool, $crate::StoreError> {
                self.security.update_case(scope, record, event).await
            }

            async fn cases_visible_to(
                &self,
                scope: uuid::Uuid,
            ) -> Result<Vec<$crate::VisibleCase>, $crate::StoreError> {
                self.security.cases_visible_to(scope).await
            }

            async fn case_visible_to(
                &self,
                scope: uuid::Uuid,
                case: uuid::Uuid,
            ) -> Result<Option<$crate::VisibleCase>, $crate::StoreError> {
                self.security.case_visible_to(scope, case).await
            }

            async fn erase_case(
                &self,
                scope: uuid::Uuid,
                case: uuid::Uuid,
                event: torchlight_crypto::audit::AuditEvent,
            ) -> Result<bool, $crate::StoreError> {
                self.security.erase_case(scope, case, event).await
            }

            async fn case_counts(&self) -> Result<Vec<$crate::CaseCount>, $crate::StoreError> {
                self.security.case_counts().await
            }

            async fn append_audit(
                &self,
                event: torchlight_crypto::audit::AuditEvent,
            ) -> Result<torchlight_crypto::audit::ChainedEntry, $crate::StoreError> {
                self.security.append_audit(event).await
            }

            async fn audit_entries(
                &self,
                after_seq: i64,
                limit: i64,
            ) -> Result<Vec<torchlight_crypto::audit::ChainedEntry>, $crate::StoreError> {
                self.security.audit_entries(after_seq, limit).await
            }

            async fn audit_head(&self) -> Result<Option<(i64, [u8; 32])>, $crate::StoreError> {
                self.security.audit_head().await
            }

            async fn audit_of_case(
                &self,
                scope: uuid::Uuid,
                case: uuid::Uuid,
                limit: i64,
            ) -> Result<Vec<torchlight_crypto::audit::ChainedEntry>, $crate::StoreError> {
                self.security.audit_of_case(scope, case, limit).await
            }

            async fn add_security_key(
                &self,
                key: &$crate::SecurityKey,
                event: torchlight_crypto::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                self.security.add_security_key(key, event).await
            }

            async fn security_keys_of(
                &self,
                user: uuid::Uuid,
            ) -> Result<Vec<$crate::SecurityKey>, $crate::StoreError> {
                self.security.security_keys_of(user).await
            }

            async fn update_security_key(
                &self,
                user: uuid::Uuid,
                credential_id: &str,
                credential: &str,
                used_at_ms: i64,
            ) -> Result<bool, $crate::StoreError> {
                self.security
                    .update_security_key(user, credential_id, credential, used_at_ms)
                    .await
            }

            async fn remove_security_key(
                &self,
                user: uuid::Uuid,
                credential_id: &str,
                event: torchlight_crypto::audit::AuditEvent,
            ) -> Result<bool, $crate::StoreError> {
                self.security
                    .remove_security_key(user, credential_id, event)
                    .await
            }
        }
    };
}

pub(crate) use impl_store;
