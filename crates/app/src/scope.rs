//! The organisation a caller acts within. Only this crate makes one: from a signed-in
//! staff member (the web guard gets it through [`crate::signin`]), or for an operator
//! at the command line naming an organisation. Every case operation takes a `Scope`,
//! so a case query without one cannot be written by accident in a handler.

use torchlight_core::OrganizationId;
use torchlight_store::StaffUser;

use crate::Actor;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    organization: OrganizationId,
}

impl Scope {
    /// The scope of a signed-in staff member: their own organisation.
    pub(crate) fn of_user(user: &StaffUser) -> Scope {
        Scope {
            organization: user.organization_id,
        }
    }

    /// An operator at the server's command line acting for `organization` (the
    /// demo's cases, imports). Never built from anything a web request carries.
    pub fn for_operator(organization: OrganizationId) -> Scope {
        Scope { organization }
    }

    pub fn organization(&self) -> OrganizationId {
        self.organization
    }
}

/// A signed-in staff member, as the application layer hands it to the edges: the
/// account, the session and the scope that comes with them.
#[derive(Debug, Clone)]
pub struct StaffMember {
    pub user: StaffUser,
    pub session: torchlight_store::Session,
    scope: Scope,
}

impl StaffMember {
    pub(crate) fn new(user: StaffUser, session: torchlight_store::Session) -> StaffMember {
        let scope = Scope::of_user(&user);
        StaffMember {
            user,
            session,
            scope,
        }
    }

    pub fn scope(&self) -> Scope {
        self.scope
    }

    pub fn actor(&self) -> Actor {
        Actor::of(&self.user)
    }
}
