//! Keeping an installation: a backup taken during writes restores to an installation whose
//! sealed protocols verify and which holds every write acknowledged before the backup; a
//! restore never overwrites and never writes outside its directory; check finds faults.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use paragraf_app::demo::demo_config;
use paragraf_app::install;
use paragraf_app::meeting::{cycle, import};
use paragraf_app::registry::{register_case, RegisterCase};
use paragraf_app::{keys, DataDir};

const SEED_000: &str = include_str!("../../../tests/fixtures/000_cbbf2cbdf5794cd6.txt");
const SEED_004: &str = include_str!("../../../tests/fixtures/004_781e15fbb2993ffb.txt");

fn installation(root: &std::path::Path) -> DataDir {
    let d = DataDir::init(&root.join("data"), &demo_config()).unwrap();
    let key = keys::load_or_create(&d).unwrap();
    for (text, name) in [(SEED_000, "000"), (SEED_004, "004")] {
        let p = import::parse_protocol(text).unwrap();
        assert!(import::store_protocol(&d, &p, name, &key).unwrap().sealed);
    }
    d
}

fn case(title: &str) -> RegisterCase {
    RegisterCase {
        title: title.into(),
        series: None,
        class: None,
        body: None,
        secret: false,
        date: "2026-01-15".parse().unwrap(),
        handler: None,
    }
}

#[test]
fn a_backup_taken_during_writes_restores_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = Arc::new(installation(tmp.path()));
    let stored = dir.store_pdf(b"%PDF-1.4 underlag").unwrap();
    // A writer registers cases while the backup is taken; what it was told is stored is
    // acknowledged.
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (dir, acknowledged, stop) = (dir.clone(), acknowledged.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let c = register_case(&dir, case(&format!("Ärende {n}"))).unwrap();
                acknowledged.lock().unwrap().push(c.dnr.to_string());
            }
        })
    };
    while acknowledged.lock().unwrap().len() < 20 {
        std::thread::yield_now();
    }
    let before: Vec<String> = acknowledged.lock().unwrap().clone();
    let out = tmp.path().join("hagfors.backup");
    let summary = install::backup(&dir, &out, "test").unwrap();
    stop.store(true, Ordering::Relaxed);
    writer.join().unwrap();
    assert!(
        summary.files >= 3,
        "settings, keys and the PDF: {summary:?}"
    );

    // A second backup to the same file is refused.
    assert!(install::backup(&dir, &out, "test").is_err());

    let restored = tmp.path().join("restored");
    let r = install::restore(&out, &restored).unwrap();
    assert!(r.check.integrity, "{:?}", r.check);
    assert_eq!(r.check.seals_checked, 2);
    assert!(r.check.seals_failed.is_empty(), "{:?}", r.check);
    // The backup holds the data and the published keys, not the private key: it is kept
    // in the key directory outside the data directory and restored on its own.
    assert!(!r.check.key_present, "{:?}", r.check);
    assert!(
        r.check.ok,
        "a missing key is no fault of the data: {:?}",
        r.check
    );
    assert!(
        r.check
            .warnings
            .iter()
            .any(|p| p.contains("nyckelkatalogen")),
        "{:?}",
        r.check.warnings
    );
    copy_dir(
        &tmp.path().join("data.nycklar"),
        &tmp.path().join("restored.nycklar"),
    );
    assert!(install::check(&restored).unwrap().key_present);
    let again = DataDir::open(&restored).unwrap();
    for m in again.meetings().unwrap() {
        assert!(
            cycle::verify(&again, m.id).unwrap().ok(),
            "meeting {}",
            m.id
        );
    }
    let cases: Vec<String> = again
        .cases()
        .unwrap()
        .into_iter()
        .map(|c| c.dnr.to_string())
        .collect();
    for dnr in &before {
        assert!(
            cases.contains(dnr),
            "{dnr} was acknowledged before the backup"
        );
    }
    // A consistent snapshot: what it holds is a prefix of what was acknowledged, without
    // gaps in the series.
    let all = acknowledged.lock().unwrap().clone();
    let mut registered: Vec<&String> = cases.iter().filter(|c| all.contains(c)).collect();
    registered.sort_by_key(|c| all.iter().position(|a| a == *c));
    assert_eq!(
        registered,
        all.iter().take(registered.len()).collect::<Vec<_>>()
    );
    assert_eq!(
        std::fs::read(restored.join(&stored)).unwrap(),
        b"%PDF-1.4 underlag"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&restored), 0o700);
        assert!(!restored.join(keys::LEGACY_PRIVATE_KEY).exists());
        assert_eq!(mode(&restored.join("paragraf.db")), 0o600);
    }

    // Never over an installation.
    let e = install::restore(&out, &restored).unwrap_err();
    assert!(e.to_string().contains("inte tom"), "{e}");
    assert!(again.cases().unwrap().len() == cases.len());
}

#[test]
fn a_restore_refuses_what_is_no_backup_and_paths_outside_its_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let junk = tmp.path().join("junk.backup");
    std::fs::write(&junk, b"not a database at all").unwrap();
    let target = tmp.path().join("r1");
    let e = install::restore(&junk, &target).unwrap_err();
    assert!(e.to_string().contains("ingen säkerhetskopia"), "{e}");
    assert!(!target.exists(), "nothing left behind");

    // A backup whose files name a path outside the directory.
    let dir = installation(tmp.path());
    let evil = tmp.path().join("evil.backup");
    dir.storage_for_tests()
        .backup_to(
            &evil,
            &[
                paragraf_store::BackupFile {
                    name: "paragraf.toml".into(),
                    bytes: std::fs::read(dir.path.join("paragraf.toml")).unwrap(),
                },
                paragraf_store::BackupFile {
                    name: "../utanför".into(),
                    bytes: b"x".to_vec(),
                },
            ],
        )
        .unwrap();
    let target = tmp.path().join("r2");
    std::fs::create_dir(&target).unwrap();
    let e = install::restore(&evil, &target).unwrap_err();
    assert!(e.to_string().contains("otillåten sökväg"), "{e}");
    assert!(!tmp.path().join("utanför").exists());
    assert_eq!(
        std::fs::read_dir(&target).unwrap().count(),
        0,
        "the empty directory is left empty"
    );
}

#[test]
fn check_finds_a_tampered_seal_and_loose_permissions() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = installation(tmp.path());
    let c = install::check(&dir.path).unwrap();
    assert!(
        c.integrity && c.seals_failed.is_empty() && c.seals_checked == 2,
        "{c:?}"
    );
    let first = dir.meetings().unwrap()[0].id;
    drop(dir);
    // The sealed text in the database changed behind Paragraf's back (its triggers
    // refuse; an attacker with the file drops them first).
    let db = tmp.path().join("data/paragraf.db");
    let raw = rusqlite::Connection::open(&db).unwrap();
    let triggers: Vec<String> = raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for t in triggers {
        raw.execute_batch(&format!("DROP TRIGGER \"{t}\"")).unwrap();
    }
    raw.execute(
        "UPDATE seals SET canonical = canonical || ' ' WHERE meeting_id = ?1",
        [first.0],
    )
    .unwrap();
    drop(raw);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let c = install::check(&tmp.path().join("data")).unwrap();
    assert!(!c.ok);
    assert_eq!(c.seals_failed, [first]);
    #[cfg(unix)]
    assert!(
        c.problems.iter().any(|p| p.contains("kan läsas av andra")),
        "{:?}",
        c.problems
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}
