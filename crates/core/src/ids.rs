//! Typed identifiers of stored values, and [`Record`], a value together with its id.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )*};
}

id_type!(
    /// Identifies a stored [`crate::org::Body`].
    BodyId,
    /// Identifies a stored [`crate::org::Person`].
    PersonId,
    /// Identifies a stored [`crate::org::Membership`].
    MembershipId,
    /// Identifies a stored [`crate::org::TermOfOffice`].
    TermId,
    /// Identifies a stored [`crate::org::Official`].
    OfficialId,
    /// Identifies a stored [`crate::registry::Case`].
    CaseId,
    /// Identifies a stored [`crate::registry::Document`].
    DocumentId,
    /// Identifies a stored [`crate::meeting::Meeting`].
    MeetingId,
);

/// A stored value with its id. Serialises flat: `{"id": 1, "name": …}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record<I, T> {
    /// The id the store gave the value.
    pub id: I,
    /// The value.
    #[serde(flatten)]
    pub value: T,
}

impl<I, T> std::ops::Deref for Record<I, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}
