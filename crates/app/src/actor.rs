//! Who did something, as the audit log names them.

use torchlight_core::{OrganizationId, UserId};
use torchlight_crypto::audit::AuditEvent;

#[derive(Debug, Clone)]
pub enum Actor {
    Staff {
        user: UserId,
        organization: OrganizationId,
    },
    /// An operator at the command line of the server's machine.
    Operator,
    /// A trustee entering a share, or anyone using the unseal page.
    Trustee,
    /// The server itself, applying a rule (a session past its limit ends).
    System,
    /// A defender (or an intermediary) with no account, through intake and the
    /// status page: who they are is never recorded.
    Defender,
    /// Someone not signed in, naming no account there is (a sign-in for an
    /// unknown username).
    Anonymous,
}

impl Actor {
    /// A staff member acting on their own account or organisation.
    pub fn of(user: &torchlight_store::StaffUser) -> Actor {
        Actor::Staff {
            user: user.id,
            organization: user.organization_id,
        }
    }

    /// The audit event of `action` on `object` by this actor at `at_ms`.
    pub fn event(&self, at_ms: i64, action: &str, object: Option<String>) -> AuditEvent {
        let (actor, organization) = match self {
            Actor::Staff { user, organization } => {
                (user.to_string(), Some(organization.to_string()))
            }
            Actor::Operator => ("operator".to_owned(), None),
            Actor::Trustee => ("trustee".to_owned(), None),
            Actor::System => ("system".to_owned(), None),
            Actor::Defender => ("defender".to_owned(), None),
            Actor::Anonymous => ("anonymous".to_owned(), None),
        };
        AuditEvent {
            at_ms,
            actor,
            organization,
            action: action.to_owned(),
            object,
        }
    }
}
