//! The organisation from a förtroendemannaregister export: persons matched by personnummer
//! (kept only as a keyed hash) or by name, every bad row named, nothing stored from a bad file.

use paragraf_app::demo::demo_config;
use paragraf_app::org::{import_memberships, register_body};
use paragraf_app::DataDir;
use paragraf_core::org::{Body, BodyKind};

fn dir(root: &std::path::Path) -> DataDir {
    let d = DataDir::init(&root.join("data"), &demo_config()).unwrap();
    register_body(
        &d,
        "test",
        &Body::new("Socialnämnden", Some("SN"), BodyKind::Committee, None).unwrap(),
    )
    .unwrap();
    register_body(
        &d,
        "test",
        &Body::new(
            "Kommunstyrelsen",
            Some("KS"),
            BodyKind::ExecutiveBoard,
            None,
        )
        .unwrap(),
    )
    .unwrap();
    d
}

#[test]
fn memberships_are_read_and_people_matched_without_keeping_their_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let d = dir(tmp.path());
    let file = "personnummer?;namn;parti;organ;roll;uppdrag;från;till\n\
        19811218-9876;Karin Ek;S;Socialnämnden;ledamot;ordförande;2023-01-01;2026-12-31\n\
        811218 9876;Karin Ek-Lund;S;KS;ersättare;;2023-01-01;\n\
        ;Per Ås;M;SN;ledamot;vice ordförande;2023-01-01;2026-12-31\n\
        \n\
        ;Per Ås;M;KS;ledamot;;2023-01-01;\n";
    let s = import_memberships(&d, "test", file.as_bytes()).unwrap();
    assert_eq!((s.rows, s.memberships, s.new_persons), (4, 4, 2));
    let persons = d.persons().unwrap();
    assert_eq!(
        persons.len(),
        2,
        "the same personnummer is the same person: {persons:?}"
    );
    assert_eq!(d.memberships(None).unwrap().len(), 4);
    // The number is nowhere: not in what is read back, not in the database file.
    let shown = serde_json::to_string(&persons).unwrap();
    assert!(!shown.contains("9876"));
    let db = std::fs::read(d.path.join("paragraf.db")).unwrap();
    let wal = std::fs::read(d.path.join("paragraf.db-wal")).unwrap_or_default();
    for bytes in [&db, &wal] {
        assert!(
            !bytes.windows(10).any(|w| w == b"8112189876")
                && !bytes.windows(6).any(|w| w == b"811218"),
            "the number is stored"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let key = d.path.join("keys/personnummer.key");
        assert_eq!(
            std::fs::metadata(key).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn a_bad_file_names_every_line_and_stores_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = dir(tmp.path());
    let file = "personnummer;namn;parti;organ;roll;uppdrag;från;till\n\
        811218-9875;Karin Ek;S;Socialnämnden;ledamot;;2023-01-01;\n\
        ;Per Ås;M;Miljönämnden;ledamot;;2023-01-01;\n\
        ;Eva Lund;S;SN;suppleant;;2023-01-01;\n\
        ;Olle Berg;C;SN;ledamot;kassör;2023-13-01;\n\
        ;Rätt Rad;C;SN;ledamot;;2023-01-01;\n";
    let e = import_memberships(&d, "test", file.as_bytes()).unwrap_err();
    let text = e.to_string();
    for expected in [
        "rad 2, personnummer",
        "rad 3, organ",
        "rad 4, roll",
        "rad 5, uppdrag",
        "rad 5, från",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    assert!(d.persons().unwrap().is_empty(), "nothing stored");
    assert!(d.memberships(None).unwrap().is_empty());
    let missing = import_memberships(&d, "test", b"namn;organ\nA;SN\n").unwrap_err();
    assert!(
        missing.to_string().contains("roll: kolumnen saknas"),
        "{missing}"
    );
}
