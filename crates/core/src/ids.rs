//! Identifiers as types of their own, so an organisation's id cannot be passed
//! where a case's is expected: referrals pass two organisations and a case around.
//! Each wraps a UUID; the application layer makes new ones (core has no randomness)
//! and the store reads and writes the UUID inside.

use std::fmt;
use std::str::FromStr;

use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            pub const fn from_uuid(uuid: Uuid) -> $name {
                $name(uuid)
            }

            pub const fn as_uuid(self) -> Uuid {
                self.0
            }
        }

        impl From<Uuid> for $name {
            fn from(uuid: Uuid) -> $name {
                $name(uuid)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Uuid {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;

            fn from_str(text: &str) -> Result<$name, uuid::Error> {
                Uuid::parse_str(text).map($name)
            }
        }
    };
}

id_type!(
    /// An organisation of the directory.
    OrganizationId
);
id_type!(
    /// A staff account.
    UserId
);
id_type!(
    /// A case.
    CaseId
);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn an_id_reads_back_from_its_text_and_its_json() {
        let id = CaseId::from_uuid(Uuid::from_u128(7));
        assert_eq!(id.to_string().parse::<CaseId>().unwrap(), id);
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{id}\""));
        assert_eq!(serde_json::from_str::<CaseId>(&json).unwrap(), id);
        assert!("not an id".parse::<UserId>().is_err());
    }
}
