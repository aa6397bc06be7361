//! Who may do what. Staff belong to one organisation and hold one role there; every
//! permission below is granted within the caller's own organisation only (the store
//! enforces that scope). This table is the single place the rules live: handlers ask
//! `Role::allows`, and the permission matrix test checks every route against it.

use std::fmt;

/// A staff member's role in their organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Works cases: records, reads and updates them.
    Caseworker,
    /// Leads casework: a caseworker who may also erase cases and see who read them.
    Coordinator,
    /// Runs the organisation's account: its staff, its key, its audit trail; often
    /// also its senior caseworker in a small CSO, so it keeps case access.
    OrganizationAdmin,
    /// Runs the deployment (keyring, organisations' keys, sealing) but reads no case.
    SystemAdmin,
    /// Sees aggregates with small cells suppressed, never a case.
    Analyst,
}

/// Something a role may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Read the cases of one's organisation, decrypted.
    ViewCases,
    /// Record new cases and change existing ones.
    EditCases,
    /// Erase a case for good (crypto-shredding).
    EraseCases,
    /// See who accessed a case ("who looked at this").
    ViewCaseAccess,
    /// Add, disable and reset the accounts of one's organisation.
    ManageStaff,
    /// Rotate the organisation's key pair.
    RotateOrganizationKey,
    /// Seal the server at once (the panic button).
    Seal,
    /// Rotate the root key and give organisations their keys.
    ManageKeyring,
    /// See counts across the coalition, small cells suppressed.
    ViewAggregates,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Caseworker,
        Role::Coordinator,
        Role::OrganizationAdmin,
        Role::SystemAdmin,
        Role::Analyst,
    ];

    pub fn allows(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Caseworker => matches!(permission, ViewCases | EditCases),
            Role::Coordinator => matches!(
                permission,
                ViewCases | EditCases | EraseCases | ViewCaseAccess | ViewAggregates
            ),
            Role::OrganizationAdmin => !matches!(permission, ManageKeyring),
            Role::SystemAdmin => matches!(permission, ManageKeyring | Seal | ViewAggregates),
            Role::Analyst => matches!(permission, ViewAggregates),
        }
    }

    /// Whether an organisation's own administrator may give this role. Every role
    /// but the deployment's: running the keyring is granted at the command line of
    /// the server's machine only.
    pub fn grantable_by_organization(self) -> bool {
        self != Role::SystemAdmin
    }

    /// The stable code stored in the database and typed on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Role::Caseworker => "caseworker",
            Role::Coordinator => "coordinator",
            Role::OrganizationAdmin => "org_admin",
            Role::SystemAdmin => "system_admin",
            Role::Analyst => "analyst",
        }
    }

    pub fn from_code(code: &str) -> Result<Role, UnknownRole> {
        Role::ALL
            .into_iter()
            .find(|role| role.code() == code)
            .ok_or_else(|| UnknownRole(code.to_owned()))
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown role {0:?}: expected one of caseworker, coordinator, org_admin, system_admin, analyst"
)]
pub struct UnknownRole(pub String);

/// Smallest count an aggregate shows; smaller cells are suppressed so a count cannot
/// point at a person.
pub const DEFAULT_MIN_CELL: u64 = 5;

/// A count as it may be published: itself, or "fewer than k".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Count(u64),
    Suppressed { below: u64 },
}

impl Cell {
    pub fn publish(count: u64, min_cell: u64) -> Cell {
        if count < min_cell {
            Cell::Suppressed { below: min_cell }
        } else {
            Cell::Count(count)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Ok(role));
        }
        assert!(Role::from_code("admin").is_err());
    }

    #[test]
    fn only_case_roles_read_cases() {
        let readers: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|role| role.allows(Permission::ViewCases))
            .collect();
        assert_eq!(
            readers,
            [Role::Caseworker, Role::Coordinator, Role::OrganizationAdmin]
        );
    }

    #[test]
    fn no_role_both_reads_cases_and_runs_the_keyring() {
        for role in Role::ALL {
            assert!(
                !(role.allows(Permission::ViewCases) && role.allows(Permission::ManageKeyring))
            );
        }
    }

    #[test]
    fn an_organisation_cannot_give_the_keyring() {
        let grantable: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|role| role.grantable_by_organization())
            .collect();
        assert!(!grantable.contains(&Role::SystemAdmin));
        assert_eq!(grantable.len(), Role::ALL.len() - 1);
        // Whoever may run the keyring must be granted outside any organisation.
        for role in grantable {
            assert!(!role.allows(Permission::ManageKeyring));
        }
    }

    #[test]
    fn small_cells_are_suppressed() {
        assert_eq!(Cell::publish(4, 5), Cell::Suppressed { below: 5 });
        assert_eq!(Cell::publish(0, 5), Cell::Suppressed { below: 5 });
        assert_eq!(Cell::publish(5, 5), Cell::Count(5));
    }
}
