//! The municipality's settings change while the installation runs: written to the config
//! file whole, in force at once (numbering, the name on the documents), recorded in the
//! audit log; a bad value is named by its field and changes nothing.

use paragraf_app::demo::demo_config;
use paragraf_app::registry::{register_case, RegisterCase};
use paragraf_app::settings::{self, Settings};
use paragraf_app::{DataDir, Error};

/// A new installation with the demo's settings (on PostgreSQL when the tests name one).
fn installation() -> (tempfile::TempDir, DataDir) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::init(
        &tmp.path().join("d"),
        &paragraf_app::Config {
            database: paragraf_app::DatabaseConfig::for_tests(),
            ..demo_config()
        },
    )
    .unwrap();
    (tmp, dir)
}

fn case(series: Option<&str>) -> RegisterCase {
    RegisterCase {
        title: "Yttrande över remiss".into(),
        series: series.map(str::to_string),
        class: None,
        body: None,
        secret: false,
        date: "2026-12-03".parse().unwrap(),
        handler: None,
    }
}

#[test]
fn settings_change_in_force_on_disk_and_in_the_audit_log() {
    let (_tmp, dir) = installation();
    let mut s = settings::settings(&dir);
    assert_eq!(s.name, "Demoby kommun");
    s.name = "Hagfors kommun".into();
    s.org_nr = Some("212000-1884".into());
    s.series_patterns =
        settings::parse_series_patterns("SN = {series} {year}/{seq:4}\n\n").unwrap();
    s.storage_place = Some("Kommunkansliet".into());
    s.mail_from = Some("paragraf@hagfors.se".into());
    s.public_url = Some("https://paragraf.hagfors.se".into());
    settings::update(&dir, "admin", s).unwrap();

    // In force at once: a case of SN is numbered by its own pattern, others by the default.
    assert_eq!(
        register_case(&dir, case(Some("SN")))
            .unwrap()
            .value
            .dnr
            .to_string(),
        "SN 2026/0001"
    );
    assert_eq!(
        register_case(&dir, case(None))
            .unwrap()
            .value
            .dnr
            .to_string(),
        "SOC 2026-000001"
    );
    assert_eq!(dir.municipality().unwrap().unwrap().name, "Hagfors kommun");
    // On disk: a fresh open reads the same.
    let again = DataDir::open(&dir.path).unwrap();
    assert_eq!(settings::settings(&again), settings::settings(&dir));
    assert_eq!(
        settings::settings(&again).storage_place.as_deref(),
        Some("Kommunkansliet")
    );
    // Recorded with its before and after.
    let log = dir.audit_log(100).unwrap();
    let e = log.iter().find(|e| e.entity == "inställningar").unwrap();
    assert_eq!(e.actor, "admin");
    assert!(e.before.as_deref().unwrap().contains("Demoby kommun"));
    assert!(e.after.as_deref().unwrap().contains("Hagfors kommun"));
}

#[test]
fn a_bad_value_is_named_and_changes_nothing() {
    let (_tmp, dir) = installation();
    let file = std::fs::read_to_string(dir.path.join("paragraf.toml")).unwrap();
    let good = settings::settings(&dir);
    let field_of = |s: Settings| match settings::update(&dir, "admin", s) {
        Err(Error::Invalid { field, .. }) => field.unwrap(),
        other => panic!("not refused: {other:?}"),
    };
    for (field, bad) in [
        (
            "org_nr",
            Settings {
                org_nr: Some("212000-1885".into()),
                ..good.clone()
            },
        ),
        (
            "name",
            Settings {
                name: " ".into(),
                ..good.clone()
            },
        ),
        (
            "dnr_pattern",
            Settings {
                dnr_pattern: "{year}".into(),
                ..good.clone()
            },
        ),
        (
            "default_series",
            Settings {
                default_series: None,
                ..good.clone()
            },
        ),
        (
            "public_url",
            Settings {
                public_url: Some("paragraf.se".into()),
                ..good.clone()
            },
        ),
        (
            "mail_from",
            Settings {
                mail_from: Some("paragraf at hagfors".into()),
                ..good.clone()
            },
        ),
    ] {
        assert_eq!(field_of(bad), field);
    }
    for (text, line) in [
        ("SN SN {year}/{seq}", "rad 1"),
        ("\nSN = {year}", "rad 2"),
        ("SN = SN {year}/{seq}\nSN = {year}/{seq}", "rad 2"),
    ] {
        match settings::parse_series_patterns(text) {
            Err(Error::Invalid { field, message }) => {
                assert_eq!(field.as_deref(), Some("series_patterns"));
                assert!(message.contains(line), "{message}");
            }
            other => panic!("{text:?} not refused: {other:?}"),
        }
    }
    assert_eq!(
        std::fs::read_to_string(dir.path.join("paragraf.toml")).unwrap(),
        file
    );
    assert_eq!(settings::settings(&dir), good);
    assert!(dir
        .audit_log(100)
        .unwrap()
        .iter()
        .all(|e| e.entity != "inställningar"));
}

#[test]
fn the_logo_is_a_small_png() {
    let (_tmp, dir) = installation();
    assert!(settings::logo(&dir).is_none());
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>";
    assert!(matches!(
        settings::set_logo(&dir, "admin", svg),
        Err(Error::Invalid { .. })
    ));
    let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
    big.resize(settings::LOGO_MAX_BYTES + 1, 0);
    assert!(matches!(
        settings::set_logo(&dir, "admin", &big),
        Err(Error::Invalid { .. })
    ));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    settings::set_logo(&dir, "admin", &png).unwrap();
    assert_eq!(settings::logo(&dir).unwrap(), png);
}
