//! Accounts without a local password exist only where single sign-on is configured, and no
//! password opens them.

use paragraf_app::accounts::{self, NewUser, Role};
use paragraf_app::demo::demo_config;
use paragraf_app::{DataDir, Error, SsoConfig};

fn new_user(password: &str) -> NewUser {
    NewUser {
        username: "anna.berg".into(),
        name: "Anna Berg".into(),
        password: password.into(),
        role: Role::Admin,
        bodies: vec![],
        person: None,
        must_change_password: true,
    }
}

#[test]
fn an_account_without_a_password_needs_single_sign_on_and_opens_to_no_password() {
    let plain = DataDir::in_memory(&demo_config()).unwrap();
    assert!(matches!(
        accounts::create_user(&plain, "admin", new_user("")),
        Err(Error::Invalid { .. })
    ));

    let mut config = demo_config();
    config.server.public_url = Some("https://paragraf.example".into());
    config.sso = Some(SsoConfig {
        issuer: "https://login.example".into(),
        client_id: "paragraf".into(),
        client_secret: "hemligt".into(),
        claim: "preferred_username".into(),
        label: None,
        local_passwords: true,
    });
    let dir = DataDir::in_memory(&config).unwrap();
    let u = accounts::create_user(&dir, "admin", new_user("")).unwrap();
    assert!(!u.must_change_password, "there is no password to change");
    let dummy = accounts::hash_password("en-annan-sträng").unwrap();
    let (found, hash) = accounts::login_hash(&dir, "anna.berg", &dummy).unwrap();
    assert!(found.is_some());
    assert_eq!(
        hash, dummy,
        "checked against the dummy, like an unknown name"
    );
    // A password given is still checked for length.
    let mut short = new_user("kort");
    short.username = "kort".into();
    assert!(matches!(
        accounts::create_user(&dir, "admin", short),
        Err(Error::Invalid { .. })
    ));
}
