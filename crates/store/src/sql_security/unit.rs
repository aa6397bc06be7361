//! What each `Change` of a unit of work does to the tables (`Store::commit` runs
//! them in one transaction with the unit's audit events).

use super::intake::NewRequest;
use crate::unit::Change;
use crate::StoreError;

sql_store! {
    /// Makes one change inside the unit's transaction (`Store::commit`).
    pub(crate) async fn apply(conn: &mut DB::Connection, change: &Change) -> Result<(), StoreError> {
        match change {
            Change::InitializeKeyring { record, keys } => {
                Self::initialize_keyring(conn, record, keys).await
            }
            Change::AddOrganizationKeys(keys) => Self::add_organization_keys(conn, keys).await,
            Change::RecordSigner {
                root_version,
                public_key,
            } => Self::record_signer(conn, *root_version, public_key).await,
            Change::BindOrganizationKeys(bindings) => {
                Self::bind_organization_keys(conn, bindings).await
            }
            Change::RotateRoot {
                record,
                organization_keys,
                totp_secrets,
            } => Self::rotate_root(conn, record, organization_keys, totp_secrets).await,
            Change::RotateOrganizationKey { new_key, rewrapped } => {
                Self::rotate_organization_key(conn, new_key, rewrapped).await
            }
            Change::CreateUser(user) => Self::create_user(conn, user).await,
            Change::ChangePassword {
                user,
                expected_hash,
                new_hash,
            } => expect(
                Self::change_password(conn, *user, expected_hash, new_hash).await?,
                || format!("user {user}'s password was changed, reset or disabled meanwhile"),
            ),
            Change::ResetCredentials { user, new_hash } => {
                Self::reset_credentials(conn, *user, new_hash).await
            }
            Change::SetLocale { user, locale } => {
                Self::set_locale(conn, *user, locale.as_deref()).await
            }
            Change::SetDisabled { user, disabled } => {
                Self::set_disabled(conn, *user, *disabled).await
            }
            Change::EnrolTotp {
                user,
                totp_sealed,
                step,
                recovery_digests,
            } => expect(
                Self::enrol_totp(conn, *user, totp_sealed, *step, recovery_digests).await?,
                || format!("user {user} has a second factor enrolled already"),
            ),
            Change::AdvanceTotpStep { user, step } => {
                expect(Self::advance_totp_step(conn, *user, *step).await?, || {
                    format!("user {user} has used TOTP step {step} or a later one already")
                })
            }
            Change::SpendRecoveryCode {
                user,
                digest,
                at_ms,
            } => expect(
                Self::use_recovery_code(conn, *user, digest, *at_ms).await?,
                || format!("user {user} has no such unused recovery code"),
            ),
            Change::CreateSession {
                session,
                expected_hash,
            } => expect(
                Self::create_session(conn, session, expected_hash).await?,
                || {
                    format!(
                        "user {} was disabled or reset meanwhile, or does not exist",
                        session.user_id
                    )
                },
            ),
            Change::EndSession { token_digest } => Self::delete_session(conn, token_digest).await,
            Change::EndSessionsOfUser { user } => {
                Self::delete_sessions_of_user(conn, *user).await.map(drop)
            }
            Change::EndOtherSessionsOfUser {
                user,
                keep_token_digest,
            } => Self::delete_other_sessions_of_user(conn, *user, keep_token_digest).await,
            Change::EndAllSessions => Self::delete_all_sessions(conn).await,
            Change::EndDeadSessions {
                last_seen_before_ms,
                created_before_ms,
            } => {
                Self::delete_dead_sessions(conn, *last_seen_before_ms, *created_before_ms).await
            }
            Change::CreateCase {
                scope,
                record,
                keys,
            } => Self::create_case(conn, *scope, record, keys).await,
            Change::UpdateCase { scope, record } => {
                expect(Self::update_case(conn, *scope, record).await?, || {
                    format!("organisation {scope} can open no case {}", record.id)
                })
            }
            Change::EraseCase { owner, case } => {
                expect(Self::erase_case(conn, *owner, *case).await?, || {
                    format!("organisation {owner} owns no case {case}")
                })
            }
            Change::AssignCase {
                scope,
                case,
                assignee,
            } => expect(
                Self::assign_case(conn, *scope, *case, *assignee).await?,
                || format!("organisation {scope} owns no case {case}, or has no such enabled account"),
            ),
            Change::RecordRisk {
                scope,
                case,
                level,
                follow_up_ms,
            } => expect(
                Self::record_risk(conn, *scope, *case, *level, *follow_up_ms).await?,
                || format!("organisation {scope} owns no case {case}"),
            ),
            Change::MarkAnswered { scope, case, at_ms } => expect(
                Self::mark_answered(conn, *scope, *case, *at_ms).await?,
                || format!("organisation {scope} owns no case {case}"),
            ),
            Change::ScheduleFollowUp { scope, case, at_ms } => expect(
                Self::schedule_follow_up(conn, *scope, *case, *at_ms).await?,
                || format!("organisation {scope} owns no case {case}"),
            ),
            Change::BackInTriage { case, at_ms } => expect(
                Self::back_in_triage(conn, *case, *at_ms).await?,
                || format!("case {case} no longer exists"),
            ),
            Change::SetTimeTargets { scope, targets } => {
                Self::set_time_targets(conn, *scope, targets).await
            }
            Change::CreateRequest {
                record,
                key,
                codename_digest,
                defender_wrapped_key,
            } => {
                let request = NewRequest {
                    record,
                    key,
                    codename_digest,
                    defender_wrapped_key,
                };
                Self::create_requests(conn, &[request]).await
            }
            Change::AddCaseEntry(entry) => {
                expect(Self::add_case_entry(conn, entry).await?, || {
                    format!("case {} no longer exists", entry.case_id)
                })
            }
            Change::MarkSeenByDefender { case, at_ms } => {
                Self::mark_seen_by_defender(conn, *case, *at_ms).await
            }
            Change::WithdrawRequest {
                case,
                codename_digest,
            } => expect(
                Self::withdraw_request(conn, *case, codename_digest).await?,
                || format!("request {case} was withdrawn or erased meanwhile"),
            ),
            Change::AddSecurityKey(key) => Self::add_security_key(conn, key).await,
            Change::RecordSecurityKeyUse {
                user,
                credential_id,
                credential,
                used_at_ms,
            } => expect(
                Self::update_security_key(conn, *user, credential_id, credential, *used_at_ms)
                    .await?,
                || format!("user {user} has no security key {credential_id}"),
            ),
            Change::RemoveSecurityKey {
                user,
                credential_id,
            } => expect(
                Self::remove_security_key(conn, *user, credential_id).await?,
                || format!("user {user} has no security key {credential_id}"),
            ),
        }
    }
}

/// A change whose guard did not hold fails the whole unit.
fn expect(held: bool, what: impl FnOnce() -> String) -> Result<(), StoreError> {
    if held {
        Ok(())
    } else {
        Err(StoreError::Conflict(what()))
    }
}
