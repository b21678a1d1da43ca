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

/// The login throttle: each address and name, then each address, past its free failures
/// waits 2, 4, 8 … seconds (at most a minute) after its last failure; a good login clears
/// the address-and-name count. The counts are kept by the store (shared by the instances
/// on PostgreSQL).
#[test]
fn failures_make_the_same_address_and_name_wait_longer_and_longer() {
    use accounts::{
        login_attempt_failed as failed, login_attempt_succeeded as succeeded, login_wait as wait,
        FREE_FAILURES_PER_ADDRESS, FREE_FAILURES_PER_NAME, MAX_DELAY_SECONDS,
    };
    let dir = DataDir::in_memory(&demo_config()).unwrap();
    let d = &dir;
    let now = chrono::Utc::now();
    for _ in 0..FREE_FAILURES_PER_NAME {
        assert_eq!(wait(d, "1.2.3.4", "anna", now).unwrap(), 0);
        failed(d, "1.2.3.4", "anna", now).unwrap();
    }
    assert_eq!(wait(d, "1.2.3.4", "anna", now).unwrap(), 2);
    failed(d, "1.2.3.4", "anna", now).unwrap();
    assert_eq!(wait(d, "1.2.3.4", "Anna ", now).unwrap(), 4);
    // Another address, or the same address with another name, is not held up.
    assert_eq!(wait(d, "5.6.7.8", "anna", now).unwrap(), 0);
    assert_eq!(wait(d, "1.2.3.4", "bertil", now).unwrap(), 0);
    // Many names from one address: the address waits.
    for i in 0..FREE_FAILURES_PER_ADDRESS {
        failed(d, "9.9.9.9", &format!("namn{i}"), now).unwrap();
    }
    assert!(wait(d, "9.9.9.9", "ny", now).unwrap() > 0);
    // The wait is capped and runs out.
    for _ in 0..20 {
        failed(d, "1.2.3.4", "anna", now).unwrap();
    }
    assert_eq!(wait(d, "1.2.3.4", "anna", now).unwrap(), MAX_DELAY_SECONDS);
    let later = now + chrono::Duration::seconds(MAX_DELAY_SECONDS as i64 + 1);
    assert_eq!(wait(d, "1.2.3.4", "anna", later).unwrap(), 0);
    // A good login clears the name's count.
    for _ in 0..FREE_FAILURES_PER_NAME {
        failed(d, "7.7.7.7", "cecilia", now).unwrap();
    }
    assert!(wait(d, "7.7.7.7", "cecilia", now).unwrap() > 0);
    succeeded(d, "7.7.7.7", "cecilia").unwrap();
    assert_eq!(wait(d, "7.7.7.7", "cecilia", now).unwrap(), 0);
}
