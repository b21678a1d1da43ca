//! Imports from the browser's path: a protocol staged, previewed (a rehearsal of the store,
//! rolled back: nothing remains), then stored; only its uploader may use the staged file; a
//! secretary cannot bring a body nobody set up.

use paragraf_app::imports::{self, ImportKind, ImportOptions, Target};
use paragraf_app::{accounts, Config, DataDir, MunicipalityConfig, RegistryConfig};
use paragraf_store::Role;

const SEED_004: &[u8] = include_bytes!("../../../tests/fixtures/004_781e15fbb2993ffb.txt");

fn dir() -> (tempfile::TempDir, DataDir) {
    let tmp = tempfile::tempdir().unwrap();
    let config = Config {
        municipality: MunicipalityConfig {
            name: "Hagfors kommun".into(),
            ..Default::default()
        },
        registry: RegistryConfig {
            dnr_pattern: "{series} {year}-{seq:6}".into(),
            default_series: Some("VON".into()),
            ..Default::default()
        },
        server: Default::default(),
        sso: None,
        underskrift: None,
        nycklar: None,
        mail: None,
        database: paragraf_app::DatabaseConfig::for_tests(),
    };
    let d = DataDir::init(&tmp.path().join("data"), &config).unwrap();
    (tmp, d)
}

/// An account of `role` in no body, with a password of test.
fn user(dir: &DataDir, login: &str, name: &str, role: Role) -> accounts::User {
    accounts::add_user(dir, login, name, "losenord-123456", role, None, &[]).unwrap()
}

#[test]
fn a_protocol_is_previewed_without_a_trace_and_then_stored() {
    let (_tmp, dir) = dir();
    let admin = user(&dir, "admin", "Admin", Role::Admin);
    let other = user(&dir, "sek", "Sekreterare", Role::Secretary);

    // A secretary cannot bring a body that is not set up.
    let s = imports::stage(&dir, &other, ImportKind::Protocol, "004.txt", SEED_004).unwrap();
    let e = imports::preview(&dir, &other, &s.token, &ImportOptions::default()).unwrap_err();
    assert!(format!("{e:#}").contains("finns inte i Paragraf"), "{e:#}");

    let s = imports::stage(&dir, &admin, ImportKind::Protocol, "004.txt", SEED_004).unwrap();
    // Only the uploader reaches it.
    assert!(imports::preview(&dir, &other, &s.token, &ImportOptions::default()).is_err());
    let p = imports::preview(&dir, &admin, &s.token, &ImportOptions::default()).unwrap();
    assert!(!p.stored);
    assert!(p.summary[0].contains("19 paragrafer"), "{:?}", p.summary);
    assert!(
        p.summary.iter().any(|l| l.starts_with("§ 1 ")),
        "{:?}",
        p.summary
    );
    // The rehearsal left nothing: no body, no person, no meeting.
    assert!(dir.bodies().unwrap().is_empty());
    assert!(dir.meetings().unwrap().is_empty());

    let r = imports::store(&dir, &admin, &s.token, &ImportOptions::default()).unwrap();
    assert!(r.stored);
    assert!(matches!(r.target, Some(Target::Meeting(_))));
    assert_eq!(dir.meetings().unwrap().len(), 1);
    // The staged file is gone once stored.
    assert!(imports::store(&dir, &admin, &s.token, &ImportOptions::default()).is_err());
    // The same protocol again is refused in the preview, and nothing is added.
    let s = imports::stage(&dir, &admin, ImportKind::Protocol, "004.txt", SEED_004).unwrap();
    assert!(imports::preview(&dir, &admin, &s.token, &ImportOptions::default()).is_err());
    assert_eq!(dir.meetings().unwrap().len(), 1);
}

/// A protocol whose text gives no meeting date is read, shown as incomplete, and stored only
/// once a person gives the date.
#[test]
fn a_protocol_without_a_date_is_stored_once_a_person_gives_it() {
    let (_tmp, dir) = dir();
    let admin = user(&dir, "admin", "Admin", Role::Admin);
    let text = include_bytes!("../../../tests/fixtures/undated_protocol.txt");
    let s = imports::stage(&dir, &admin, ImportKind::Protocol, "odaterat.txt", text).unwrap();
    let e = imports::preview(&dir, &admin, &s.token, &ImportOptions::default()).unwrap_err();
    let e = format!("{e:#}");
    assert!(
        e.contains("ofullständigt importerat") && e.contains("sammanträdesdatum"),
        "{e}"
    );
    assert!(dir.meetings().unwrap().is_empty());
    let bad = ImportOptions {
        date: Some("2026-02-30".into()),
        ..ImportOptions::default()
    };
    let e = imports::preview(&dir, &admin, &s.token, &bad).unwrap_err();
    assert!(format!("{e:#}").contains("ÅÅÅÅ-MM-DD"), "{e:#}");
    let given = ImportOptions {
        date: Some("2026-02-16".into()),
        ..ImportOptions::default()
    };
    let r = imports::store(&dir, &admin, &s.token, &given).unwrap();
    assert!(r.stored, "{:?}", r.summary);
    assert!(
        r.summary[0].starts_with("Socialnämnden 2026-02-16"),
        "{:?}",
        r.summary
    );
    let meetings = dir.meetings().unwrap();
    assert_eq!(meetings.len(), 1);
    assert_eq!(meetings[0].value.date.to_string(), "2026-02-16");
}

/// A scraped text whose first § lost "§ N" with its number: read with the § and its title,
/// stored only once a person gives the first § number, which must fit the numbers the
/// document kept.
#[test]
fn a_protocol_whose_first_paragraph_lost_its_number_is_stored_once_a_person_numbers_it() {
    let (_tmp, dir) = dir();
    let admin = user(&dir, "admin", "Admin", Role::Admin);
    let text = include_bytes!("../../../tests/fixtures/flattened_lost_number.txt");
    let s = imports::stage(&dir, &admin, ImportKind::Protocol, "utplattat.txt", text).unwrap();
    let e = imports::preview(&dir, &admin, &s.token, &ImportOptions::default()).unwrap_err();
    let e = format!("{e:#}");
    assert!(
        e.contains("”Val av justerare”")
            && e.contains("inget nummer")
            && e.contains("--forsta-paragraf"),
        "{e}"
    );
    assert!(dir.meetings().unwrap().is_empty());
    // The document's § 2 follows: a first number of 2 cannot be right.
    let clash = ImportOptions {
        first_paragraph: Some(2),
        ..ImportOptions::default()
    };
    let e = imports::preview(&dir, &admin, &s.token, &clash).unwrap_err();
    assert!(format!("{e:#}").contains("kan inte följa på § 2"), "{e:#}");
    assert!(dir.meetings().unwrap().is_empty());
    let given = ImportOptions {
        first_paragraph: Some(1),
        ..ImportOptions::default()
    };
    let r = imports::store(&dir, &admin, &s.token, &given).unwrap();
    assert!(r.stored, "{:?}", r.summary);
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("§ 1 ”Val av justerare” numrerades vid inläsningen")),
        "{:?}",
        r.warnings
    );
    let meetings = dir.meetings().unwrap();
    assert_eq!(meetings.len(), 1);
    let minutes = dir.minutes(meetings[0].id).unwrap().unwrap();
    let numbered: Vec<(u32, &str)> = minutes
        .paragraphs()
        .iter()
        .map(|p| (p.number, p.title.as_str()))
        .collect();
    assert_eq!(
        numbered,
        [
            (1, "Val av justerare"),
            (2, "Information från förvaltningen")
        ]
    );
}

#[test]
fn files_of_the_wrong_kind_or_role_are_refused_at_the_door() {
    let (_tmp, dir) = dir();
    let reader = user(&dir, "las", "Läsare", Role::Reader);
    let admin = user(&dir, "admin", "Admin", Role::Admin);
    assert!(imports::stage(&dir, &reader, ImportKind::Protocol, "a.txt", b"x").is_err());
    assert!(imports::stage(&dir, &admin, ImportKind::Protocol, "a.exe", b"x").is_err());
    assert!(imports::stage(&dir, &admin, ImportKind::Protocol, "a.txt", b"").is_err());
    assert!(imports::staged(&dir, &admin, "../../etc").is_err());
}

#[test]
fn the_registers_of_roles_and_further_delegation_are_read_in_too() {
    let (_tmp, dir) = dir();
    let sec = user(&dir, "sek", "Sekreterare", Role::Secretary);
    let roles =
        "person;roll;från;till\nAnna Ek;Enhetschef;2024-01-01;\nBo Ek;Enhetschef;2024-02-30;\n"
            .as_bytes();
    let s = imports::stage(&dir, &sec, ImportKind::DelegationRoles, "roller.csv", roles).unwrap();
    let e = imports::preview(&dir, &sec, &s.token, &ImportOptions::default()).unwrap_err();
    assert_eq!(
        imports::problems(&e),
        ["Rad 3, från: ”2024-02-30” är inget datum"]
    );
    let good = "person;roll;från;till\nAnna Ek;Enhetschef;2024-01-01;\n".as_bytes();
    let s = imports::stage(&dir, &sec, ImportKind::DelegationRoles, "roller.csv", good).unwrap();
    let p = imports::preview(&dir, &sec, &s.token, &ImportOptions::default()).unwrap();
    assert!(p.summary[0].starts_with("1 perioder"), "{:?}", p.summary);
    let further = "punkt;roll;från;till\n6.2;Biståndshandläggare;2024-01-01;\n".as_bytes();
    let s = imports::stage(
        &dir,
        &sec,
        ImportKind::FurtherDelegation,
        "vidare.csv",
        further,
    )
    .unwrap();
    let r = imports::store(&dir, &sec, &s.token, &ImportOptions::default()).unwrap();
    assert_eq!(r.summary, ["1 rader vidaredelegation."]);
}

#[test]
fn a_register_row_of_another_namnd_is_not_touched() {
    use paragraf_core::org::{Body, BodyKind};
    let (_tmp, dir) = dir();
    let store = dir.storage_for_tests();
    let a = store
        .add_body(&Body::new("Socialnämnden", Some("SN"), BodyKind::Committee, None).unwrap())
        .unwrap();
    let b = store
        .add_body(
            &Body::new(
                "Vård- och omsorgsnämnden",
                Some("VON"),
                BodyKind::Committee,
                None,
            )
            .unwrap(),
        )
        .unwrap();
    let admin = accounts::add_user(
        &dir,
        "admin",
        "Admin",
        "losenord-123456",
        Role::Admin,
        None,
        &[a.id, b.id],
    )
    .unwrap();
    let other = accounts::add_user(
        &dir,
        "hand",
        "Handläggare",
        "losenord-123456",
        Role::CaseOfficer,
        None,
        &[b.id],
    )
    .unwrap();
    let csv = "id;insats;beslutsdatum;kön;orsak;verkställt;avslutat;avbrott_från;avbrott_till\nA1;LSS – kontaktperson;2026-01-10;K;1;;;;\n";
    let opts = |body| ImportOptions {
        body: Some(body),
        period: None,
        date: None,
        first_paragraph: None,
    };
    let s = imports::stage(
        &dir,
        &admin,
        ImportKind::Unenforced,
        "a.csv",
        csv.as_bytes(),
    )
    .unwrap();
    imports::store(&dir, &admin, &s.token, &opts(a.id)).unwrap();
    // A handler of the other nämnd cannot overwrite or move it, and must say whose rows these are.
    let s = imports::stage(
        &dir,
        &other,
        ImportKind::Unenforced,
        "a.csv",
        csv.as_bytes(),
    )
    .unwrap();
    assert!(imports::preview(&dir, &other, &s.token, &ImportOptions::default()).is_err());
    let e = imports::preview(&dir, &other, &s.token, &opts(b.id)).unwrap_err();
    assert_eq!(
        imports::problems(&e),
        ["Rad 2, id: beslut A1 hör till en nämnd du inte arbetar i"]
    );
}

/// Seed 004's behandling: the yrkanden are stored as yrkanden of the beslutande who made
/// them (Helena Karlsson the ledamot (M), not the ekonom of the same name), those who
/// instämmer with them; what is not a yrkande (the chair's propositionsordning) stays in the
/// text as written.
#[test]
fn the_seeds_yrkanden_are_stored_with_their_movers() {
    let (_tmp, dir) = dir();
    let admin = user(&dir, "admin", "Admin", Role::Admin);
    let s = imports::stage(&dir, &admin, ImportKind::Protocol, "004.txt", SEED_004).unwrap();
    let r = imports::store(&dir, &admin, &s.token, &ImportOptions::default()).unwrap();
    let Some(Target::Meeting(id)) = r.target else {
        panic!("{:?}", r.target)
    };
    let min = dir.minutes(id).unwrap().unwrap();
    let who = |p: paragraf_core::ids::PersonId| {
        let name = dir.person(p).unwrap().value.name;
        let party = min
            .attendance()
            .attendees()
            .iter()
            .find(|a| a.person == p)
            .and_then(|a| a.party.clone());
        format!("{name} ({})", party.unwrap_or_default())
    };
    let p5 = min.paragraph(5).unwrap();
    let got: Vec<_> = p5
        .motions
        .iter()
        .map(|m| {
            (
                who(m.by),
                m.supported_by.iter().map(|s| who(*s)).collect::<Vec<_>>(),
                m.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("Helena Karlsson (M)".to_string(), vec![], "att vård- och omsorgsnämnden ger förvaltningen i uppdrag att ta fram en plan för återrapportering av verksamhetsplanen till nästa nämnd."),
            ("Åsa Bergkvist (S)".to_string(), vec![], "bifall till förslaget."),
        ]
    );
    assert!(!p5.text.contains("yrkar"), "{}", p5.text);
    assert!(p5.text.ends_with("Ordförande frågar om nämnden beslutar enligt förvaltningens förslag med Helena Karlssons tilläggsyrkande, och finner att vård- och omsorgsnämnden beslutar enligt detta."), "{}", p5.text);
    let p9 = min.paragraph(9).unwrap();
    assert_eq!(p9.motions.len(), 2);
    assert_eq!(who(p9.motions[0].by), "Carl-Henrik Wigert (M)");
    assert_eq!(who(p9.motions[1].by), "Åsa Bergkvist (S)");
    assert_eq!(
        p9.motions[1]
            .supported_by
            .iter()
            .map(|s| who(*s))
            .collect::<Vec<_>>(),
        vec!["Helena Karlsson (M)".to_string()]
    );
    assert!(p9
        .text
        .contains("Ordförande ställer arbetsutskottets förslag punkt 2"));
    // The protocol reads them with their movers and who instämde.
    let doc = paragraf_app::meeting::documents::MeetingDocs::load(&dir, id)
        .unwrap()
        .protocol(false)
        .unwrap();
    let p9 = doc.paragraphs.iter().find(|p| p.number == 9).unwrap();
    assert_eq!(
        p9.motions[1].by,
        "Åsa Bergkvist (S) med instämmande av Helena Karlsson (M)"
    );
}
