//! What several of the application's tests share.

use paragraf_app::DataDir;

/// `person` a ledamot of `body` from 2020: a kallelse goes to the body's members.
pub fn seat(dir: &DataDir, body: paragraf_core::ids::BodyId, person: paragraf_core::ids::PersonId) {
    dir.add_membership(
        &paragraf_core::org::Membership::new(
            person,
            body,
            paragraf_core::org::MembershipRole::Member,
            None,
            None,
            None,
            "2020-01-01".parse().unwrap(),
            None,
        )
        .unwrap(),
    )
    .unwrap();
}
