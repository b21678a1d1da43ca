//! Annotations go when the seat ends: the server's hourly round removes them whether or
//! not their owner ever logs in again.

use paragraf_app::accounts::{self, NewUser, Role};
use paragraf_app::demo::demo_config;
use paragraf_app::meeting::papers;
use paragraf_app::registry::{self, RegisterCase};
use paragraf_app::DataDir;
use paragraf_core::org::{Body, BodyKind, Membership, MembershipRole, Person};
use paragraf_store::NewAnnotation;

#[test]
fn annotations_are_removed_when_the_seat_has_ended() {
    let dir = DataDir::in_memory(&demo_config()).unwrap();
    let today = paragraf_app::clock::today();
    let body = dir
        .add_body(&Body::new("Miljönämnden", Some("MN"), BodyKind::Committee, None).unwrap())
        .unwrap();
    let user_with_seat = |name: &str, login: &str, to: Option<chrono::NaiveDate>| {
        let person = dir.add_person(&Person::new(name, None).unwrap()).unwrap();
        dir.add_membership(
            &Membership::new(
                person.id,
                body.id,
                MembershipRole::Member,
                None,
                None,
                None,
                "2020-01-01".parse().unwrap(),
                to,
            )
            .unwrap(),
        )
        .unwrap();
        accounts::create_user(
            &dir,
            "admin",
            NewUser {
                username: login.into(),
                name: name.into(),
                password: "ett långt lösenord".into(),
                role: Role::Member,
                bodies: vec![body.id],
                person: Some(person.id),
                must_change_password: false,
            },
        )
        .unwrap()
    };
    let gone = user_with_seat("Åsa Lind", "asa", Some(today - chrono::Duration::days(1)));
    let sits = user_with_seat("Per Ek", "per", None);
    let case = registry::register_case(
        &dir,
        RegisterCase {
            title: "Tillsyn av avlopp".into(),
            series: None,
            class: None,
            body: Some(body.id),
            secret: false,
            date: today - chrono::Duration::days(30),
            handler: None,
        },
    )
    .unwrap();
    let store = dir.storage_for_tests();
    for u in [&gone, &sits] {
        store
            .add_annotation(&NewAnnotation {
                user: u.id,
                case: case.id,
                document: 1,
                page: Some(1),
                quote: None,
                note: "Fråga om kostnaden".into(),
            })
            .unwrap();
    }

    assert_eq!(papers::prune_all(&dir).unwrap(), 1);
    assert!(
        store.annotations(gone.id).unwrap().is_empty(),
        "her seat has ended"
    );
    assert_eq!(store.annotations(sits.id).unwrap().len(), 1, "his has not");
    assert_eq!(
        papers::prune_all(&dir).unwrap(),
        0,
        "nothing more to remove"
    );
}
