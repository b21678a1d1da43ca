//! The SQLite store passes the conformance suite of the storage interface.

use paragraf_store::{conformance, SqlStore, Storage};

#[test]
fn sqlite_on_a_file_passes_the_conformance_suite() {
    conformance::run(|| {
        let dir = tempfile::tempdir().unwrap();
        let s: Box<dyn Storage> = Box::new(SqlStore::open(&dir.path().join("p.db")).unwrap());
        (s, dir)
    });
}

#[test]
fn sqlite_in_memory_passes_the_conformance_suite() {
    conformance::run(|| {
        let s: Box<dyn Storage> = Box::new(SqlStore::in_memory().unwrap());
        (s, ())
    });
}

/// The PostgreSQL server the tests use: `scripts/test` starts one of its own and runs this
/// suite, and the app's and web's tests, again with `PARAGRAF_TEST_POSTGRES` naming it.
/// Without it, this test says so and does nothing (the SQLite runs above still run).
fn postgres() -> Option<String> {
    match std::env::var("PARAGRAF_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            eprintln!("PARAGRAF_TEST_POSTGRES saknas: PostgreSQL-delen hoppas över");
            None
        }
    }
}

#[test]
fn postgres_passes_the_conformance_suite() {
    let Some(url) = postgres() else { return };
    let n = std::sync::atomic::AtomicUsize::new(0);
    conformance::run(|| {
        // Each check on an empty schema of its own in the one database.
        let schema = format!(
            "conformance_{}_{}",
            std::process::id(),
            n.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        );
        let s: Box<dyn Storage> = Box::new(SqlStore::connect(&url, Some(&schema)).unwrap());
        (s, ())
    });
}

/// The deployment docs/postgresql.md describes: a migration owner creates the schema; the
/// application's user, with rights to read and write rows only, connects without creating
/// anything, works, and can neither drop the guards nor get past them.
#[test]
fn postgres_application_user_cannot_drop_the_guards() {
    let Some(url) = postgres() else { return };
    let schema = format!("roles_{}", std::process::id());
    let app_user = format!("app_{}", std::process::id());
    // The owner (the cluster's superuser here) migrates.
    drop(SqlStore::connect(&url, Some(&schema)).unwrap());
    let as_admin = |sql: String| {
        let url = url.clone();
        std::thread::spawn(move || {
            postgres::Client::connect(&url, postgres::NoTls)
                .unwrap()
                .batch_execute(&sql)
        })
        .join()
        .unwrap()
    };
    as_admin(format!(
        "CREATE ROLE {app_user} LOGIN;
         GRANT USAGE ON SCHEMA {schema} TO {app_user};
         GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {app_user};
         GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {app_user};"
    ))
    .unwrap();
    let mut config: postgres::Config = url.parse().unwrap();
    config.user(&app_user);
    let host = config.get_hosts().first().cloned();
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let db = config.get_dbname().unwrap_or("postgres").to_string();
    let Some(postgres::config::Host::Tcp(host)) = host else {
        panic!("the test server is reached over TCP")
    };
    let app_url = format!("postgres://{app_user}@{host}:{port}/{db}");
    let store = SqlStore::connect(&app_url, Some(&schema)).unwrap();
    let pattern = paragraf_core::dnr::DnrPattern::new("{series}/{year}:{seq}").unwrap();
    let (case, _) = paragraf_store::Store::create_case(
        &store,
        &pattern,
        &paragraf_store::NewCase {
            series: Some("KS".into()),
            class: None,
            title: "Skrivet av programmets användare".into(),
            body: None,
            secrecy: paragraf_core::registry::Secrecy::Public,
            registered: chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
            handler: None,
        },
        &[],
    )
    .unwrap();
    assert_eq!(case.value.dnr.to_string(), "KS/2026:1");
    drop(store);
    let as_app = |sql: &'static str| {
        let (app_url, schema) = (app_url.clone(), schema.clone());
        std::thread::spawn(move || {
            let mut c = postgres::Client::connect(&app_url, postgres::NoTls).unwrap();
            c.batch_execute(&format!("SET search_path = {schema}"))
                .unwrap();
            c.batch_execute(sql).map_err(|e| {
                e.as_db_error()
                    .map_or_else(|| e.to_string(), |d| d.message().to_string())
            })
        })
        .join()
        .unwrap()
    };
    let dropped = as_app("DROP TRIGGER minutes_sealed_no_update ON minutes");
    assert!(
        dropped
            .as_ref()
            .is_err_and(|e| e.contains("owner") || e.contains("ägare")),
        "{dropped:?}"
    );
    let erased = as_app(
        "INSERT INTO audit_log (at, actor, action, entity) VALUES ('2026-12-04', 'a', 'b', 'c');
         DELETE FROM audit_log",
    );
    assert!(
        erased
            .as_ref()
            .is_err_and(|e| e.contains("granskningsloggen")),
        "{erased:?}"
    );
}

/// Connections the server ends (a restart, a failover, an administrator's
/// pg_terminate_backend) are replaced at the next operation, which succeeds.
#[test]
fn postgres_store_reconnects_when_its_connections_are_ended() {
    let Some(url) = postgres() else { return };
    let schema = format!("reconnect_{}", std::process::id());
    // Its connections by a name of their own, so that only they are ended.
    let sep = if url.contains('?') { '&' } else { '?' };
    let store = SqlStore::connect(
        &format!("{url}{sep}application_name={schema}"),
        Some(&schema),
    )
    .unwrap();
    let before = store.generation().unwrap();
    assert!(paragraf_store::Store::bodies(&store).unwrap().is_empty());
    let ended = std::thread::spawn({
        let (url, schema) = (url.clone(), schema.clone());
        move || {
            let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
            c.query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                 WHERE application_name = $1",
                &[&schema],
            )
            .unwrap()
            .len()
        }
    })
    .join()
    .unwrap();
    assert!(ended >= 1, "the store's connections were ended");
    assert!(paragraf_store::Store::bodies(&store).unwrap().is_empty());
    assert_eq!(store.generation().unwrap(), before);
}

/// However many threads read at once, one store opens at most its cap of connections; the
/// rest wait for one and then succeed.
#[test]
fn postgres_store_keeps_to_its_cap_of_connections() {
    let Some(url) = postgres() else { return };
    let schema = format!("cap_{}", std::process::id());
    let sep = if url.contains('?') { '&' } else { '?' };
    let store = std::sync::Arc::new(
        SqlStore::connect(
            &format!("{url}{sep}application_name={schema}"),
            Some(&schema),
        )
        .unwrap(),
    );
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sampler = std::thread::spawn({
        let (url, schema, stop) = (url.clone(), schema.clone(), stop.clone());
        move || {
            let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
            let mut most = 0i64;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let n: i64 = c
                    .query_one(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1",
                        &[&schema],
                    )
                    .unwrap()
                    .get(0);
                most = most.max(n);
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            most
        }
    });
    std::thread::scope(|s| {
        for _ in 0..(paragraf_store::POSTGRES_MAX_CONNECTIONS * 2) {
            let store = store.clone();
            s.spawn(move || {
                for _ in 0..20 {
                    paragraf_store::Store::bodies(&*store).unwrap();
                }
            });
        }
    });
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let most = sampler.join().unwrap();
    assert!(most >= 1, "the sampler saw the store's connections");
    assert!(
        most as usize <= paragraf_store::POSTGRES_MAX_CONNECTIONS,
        "{most} connections open, more than the cap"
    );
}

/// Two stores on one database (two instances) count failed logins together, so that a
/// client cannot pass the throttle by going to the other instance.
#[test]
fn postgres_instances_share_the_failed_logins() {
    let Some(url) = postgres() else { return };
    let schema = format!("throttle_{}", std::process::id());
    let a = SqlStore::connect(&url, Some(&schema)).unwrap();
    let b = SqlStore::connect(&url, Some(&schema)).unwrap();
    let key = ["adress".to_string()];
    let now = chrono::Utc::now();
    a.count_login_failure(&key, now).unwrap();
    b.count_login_failure(&key, now).unwrap();
    assert_eq!(a.login_failures(&key).unwrap()[0].unwrap().count, 2);
    b.clear_login_failures("adress").unwrap();
    assert_eq!(a.login_failures(&key).unwrap(), vec![None]);
}

/// TLS to the server: with `sslmode=verify-full` and the CA that signed the server's
/// certificate every session is encrypted; without that CA (the Mozilla roots) the
/// connection is refused rather than made in the clear; an unknown `sslmode`, and a
/// `sslrootcert` without verification, are refused.
#[test]
fn postgres_sessions_go_over_verified_tls() {
    let Some(url) = postgres() else { return };
    let Some(ca) = std::env::var("PARAGRAF_TEST_POSTGRES_CA")
        .ok()
        .filter(|c| !c.is_empty())
    else {
        eprintln!("PARAGRAF_TEST_POSTGRES_CA saknas: TLS-testet hoppas över");
        return;
    };
    let schema = format!("tls_{}", std::process::id());
    let sep = if url.contains('?') { '&' } else { '?' };
    let store = SqlStore::connect(
        &format!("{url}{sep}sslmode=verify-full&sslrootcert={ca}&application_name={schema}"),
        Some(&schema),
    )
    .unwrap();
    assert!(paragraf_store::Store::bodies(&store).unwrap().is_empty());
    let (sessions, encrypted) = std::thread::spawn({
        let (url, schema) = (url.clone(), schema.clone());
        move || {
            let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
            let row = c
                .query_one(
                    "SELECT count(*), bool_and(s.ssl) FROM pg_stat_ssl s
                     JOIN pg_stat_activity a USING (pid) WHERE a.application_name = $1",
                    &[&schema],
                )
                .unwrap();
            (row.get::<_, i64>(0), row.get::<_, Option<bool>>(1))
        }
    })
    .join()
    .unwrap();
    assert!(sessions >= 1, "the store's sessions are there");
    assert_eq!(encrypted, Some(true), "every one of them over TLS");

    let refused = SqlStore::connect(&format!("{url}{sep}sslmode=verify-full"), Some(&schema))
        .err()
        .expect("a certificate no known CA signed is refused");
    assert!(refused.to_string().contains("certificate"), "{refused}");
    for bad in [
        format!("sslrootcert={ca}"),
        "sslmode=verify-all".to_string(),
    ] {
        let e = SqlStore::connect(&format!("{url}{sep}{bad}"), Some(&schema))
            .err()
            .expect("refused");
        assert!(e.to_string().contains("ogiltig databasadress"), "{e}");
    }
}
