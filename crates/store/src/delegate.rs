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

            async fn commit(&self, unit: $crate::UnitOfWork) -> Result<(), $crate::StoreError> {
                self.security.commit(unit).await
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

            async fn case_keys_of_organization(
                &self,
                organization: uuid::Uuid,
            ) -> Result<Vec<$crate::CaseKey>, $crate::StoreError> {
                self.security.case_keys_of_organization(organization).await
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

            async fn remaining_recovery_codes(
                &self,
                user: uuid::Uuid,
            ) -> Result<i64, $crate::StoreError> {
                self.security.remaining_recovery_codes(user).await
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

            async fn case_counts(&self) -> Result<Vec<$crate::CaseCount>, $crate::StoreError> {
                self.security.case_counts().await
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

            async fn security_keys_of(
                &self,
                user: uuid::Uuid,
            ) -> Result<Vec<$crate::SecurityKey>, $crate::StoreError> {
                self.security.security_keys_of(user).await
            }
        }
    };
}

pub(crate) use impl_store;
