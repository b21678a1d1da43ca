//! Every domain type written to the SQLite store and read back unchanged; numbering and
//! transactions against the real store.

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::NaiveDate;
use paragraf_core::dnr::DnrPattern;
use paragraf_core::ids::*;
use paragraf_core::meeting::*;
use paragraf_core::minutes::*;
use paragraf_core::org::*;
use paragraf_core::registry::*;
use paragraf_store::{NewCase, SqlStore, Store, StoreError};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn store() -> (tempfile::TempDir, SqlStore) {
    let dir = tempfile::tempdir().unwrap();
    let s = SqlStore::open(&dir.path().join("paragraf.db")).unwrap();
    (dir, s)
}

fn new_case(series: &str, title: &str, date: &str) -> NewCase {
    NewCase {
        series: Some(series.into()),
        class: None,
        title: title.into(),
        body: None,
        secrecy: Secrecy::Public,
        registered: d(date),
        handler: None,
    }
}

/// Many writers at once, each with its own connection and through one shared store: every
/// number is handed out exactly once and none is skipped.
#[test]
fn concurrent_allocation_has_no_gaps_and_no_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paragraf.db");
    let shared = Arc::new(SqlStore::open(&path).unwrap());
    let pattern = DnrPattern::new("{series} {year}-{seq:6}").unwrap();
    let mut handles = Vec::new();
    for t in 0..8 {
        let path = path.clone();
        let shared = shared.clone();
        let pattern = pattern.clone();
        handles.push(std::thread::spawn(move || {
            let own = SqlStore::open(&path).unwrap();
            let mut got = Vec::new();
            for i in 0..40 {
                let store: &dyn Store = if i % 2 == 0 { &own } else { shared.as_ref() };
                let doc = NewDocument::new(
                    DocumentType::Memo,
                    "Tjänsteskrivelse",
                    d("2024-04-26"),
                    Direction::Internal,
                    None,
                )
                .unwrap();
                let (c, docs) = store
                    .create_case(
                        &pattern,
                        &new_case("SOC", &format!("Ärende {t}-{i}"), "2024-04-26"),
                        &[doc],
                    )
                    .unwrap();
                got.push((c.dnr.sequence(), docs[0].number));
            }
            got
        }));
    }
    let all: Vec<(u32, u32)> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let cases: BTreeSet<u32> = all.iter().map(|x| x.0).collect();
    let docs: BTreeSet<u32> = all.iter().map(|x| x.1).collect();
    assert_eq!(cases, (1..=320).collect());
    assert_eq!(docs, (1..=320).collect());
    assert_eq!(shared.cases().unwrap().len(), 320);
}

fn seed_meeting(s: &SqlStore) -> (BodyId, Vec<Membership>, Attendance) {
    let body = s
        .add_body(&Body::new("Vård- och omsorgsnämnden", None, BodyKind::Committee, None).unwrap())
        .unwrap();
    let mut seats = Vec::new();
    let mut attendees = Vec::new();
    for (i, (name, role)) in [
        ("Åsa Bergkvist", MembershipRole::Member),
        ("Rafal Abdelqader", MembershipRole::Member),
        ("Sven-Erik Källman", MembershipRole::Substitute),
        ("Hanna Pieber", MembershipRole::Substitute),
    ]
    .into_iter()
    .enumerate()
    {
        let p = s.add_person(&Person::new(name, None).unwrap()).unwrap();
        let m = Membership::new(
            p.id,
            body.id,
            role,
            None,
            Some("S"),
            None,
            d("2023-01-01"),
            None,
        )
        .unwrap();
        seats.push(s.add_membership(&m).unwrap().value);
        let role = match i {
            0 => Some(AttendanceRole::Member),
            2 => Some(AttendanceRole::ServingSubstitute {
                replaces: PersonId(2),
            }),
            3 => Some(AttendanceRole::Substitute),
            _ => None,
        };
        if let Some(role) = role {
            attendees.push(Attendee {
                person: p.id,
                role,
                position: (i == 0).then_some(PresidiumPosition::Chair),
                party: Some("S".into()),
                presence: Presence::whole_meeting(),
            });
        }
    }
    let att = Attendance::new(body.id, d("2024-01-29"), &seats, attendees).unwrap();
    (body.id, seats, att)
}

#[test]
fn meetings_and_minutes_round_trip_and_claim_their_numbers() {
    let (_dir, s) = store();
    let (body, _, att) = seed_meeting(&s);
    let mut meeting = Meeting::planned(body, d("2024-01-29"));
    meeting.place = Some("Samlingssalen, Marnäsliden".into());
    meeting.start = Some("14:00".parse().unwrap());
    meeting
        .add_schedule_slot(ScheduleSlot {
            start: "14:00".parse().unwrap(),
            end: Some("14:30".parse().unwrap()),
            topic: "Budgetuppföljning".into(),
            presenters: vec!["Emma Selemo, ekonom".into()],
            public: false,
        })
        .unwrap();
    meeting
        .add_agenda_item(AgendaItem {
            position: 0,
            title: "Ändring i föredragningslistan".into(),
            case: None,
            case_number: None,
            presenter: None,
            secrecy: Secrecy::Public,
            draft: None,
            documents: None,
        })
        .unwrap();
    let m1 = s.add_meeting(&meeting).unwrap();
    assert_eq!(s.meeting(m1.id).unwrap(), m1);
    paragraf_core::cycle::send_notice(&mut meeting, d("2024-01-19"), vec![PersonId(1)], 7).unwrap();
    s.update_meeting(m1.id, &meeting).unwrap();
    assert_eq!(s.meeting(m1.id).unwrap().state(), MeetingState::Notified);

    let mut p1 = Paragraph::new(1, "Ändring i föredragningslistan").unwrap();
    p1.decision = Some(Decision::Text {
        text: "Inga ändringar görs i föredragningslistan.".into(),
    });
    let mut p2 = Paragraph::new(2, "Budgetuppföljning januari - november 2023").unwrap();
    p2.case_number = Some("2022/1".into());
    p2.record_vote(
        &att,
        "bifall",
        "avslag",
        vec![
            Ballot {
                person: PersonId(1),
                choice: Choice::Yes,
            },
            Ballot {
                person: PersonId(3),
                choice: Choice::No,
            },
        ],
        Some(PersonId(1)),
        None,
    )
    .unwrap();
    p1.record_conflict(Conflict {
        person: PersonId(3),
        ground: None,
    })
    .unwrap();
    let series = s.paragraph_series(body, 2024, None).unwrap();
    let mut minutes = Minutes::new(
        body,
        d("2024-01-29"),
        att.clone(),
        vec![p1, p2],
        Some(&series),
    )
    .unwrap();
    minutes
        .set_signers(None, Some(PersonId(1)), vec![PersonId(3)], None)
        .unwrap();
    s.save_minutes(m1.id, &minutes).unwrap();
    assert_eq!(s.minutes(m1.id).unwrap(), Some(minutes.clone()));
    // Saving again (an edit of a draft) keeps its own numbers.
    s.save_minutes(m1.id, &minutes).unwrap();
    assert_eq!(s.sealed_text(m1.id).unwrap(), None);

    // Sealed: stored with its canonical text, and never written again. (The store keeps
    // what it is given; the rules of the seal are the core's, tested there.)
    let key = ed25519_dalek::SigningKey::from_bytes(&[5u8; 32]);
    for (who, role) in [(1, SignerRole::Chair), (3, SignerRole::Adjuster)] {
        minutes
            .approve_published(
                Approval {
                    signer: PersonId(who),
                    role,
                    time: "2024-02-01T10:00:00+01:00".parse().unwrap(),
                    method: "Paragraf".into(),
                    paragraphs: vec![],
                    recorded: None,
                },
                &key,
            )
            .unwrap();
    }
    s.save_minutes(m1.id, &minutes).unwrap();
    assert_eq!(s.minutes(m1.id).unwrap(), Some(minutes.clone()));
    assert_eq!(s.sealed_text(m1.id).unwrap(), Some(minutes.canonical()));
    let err = s.save_minutes(m1.id, &minutes).unwrap_err();
    assert!(err.to_string().contains("justerat"), "{err}");
    // Posted: the anslag is kept with the meeting.
    let meeting = Meeting::imported(
        body,
        d("2024-01-29"),
        "test",
        meeting.agenda().to_vec(),
        &minutes,
        Some(Posting {
            posted: d("2024-02-05"),
            removed: None,
            storage: "Vård- och omsorgsförvaltningen".into(),
            appeal_ends: Some(d("2024-02-26")),
            adjusted: Some(d("2024-02-01")),
        }),
    )
    .unwrap();
    s.update_meeting(m1.id, &meeting).unwrap();
    assert_eq!(s.meeting(m1.id).unwrap().posting(), meeting.posting());
    // Even straight SQL cannot change or delete them.
    let raw = rusqlite::Connection::open(_dir.path().join("paragraf.db")).unwrap();
    for sql in [
        "UPDATE minutes SET data = '{}' WHERE meeting_id = 1",
        "DELETE FROM minutes WHERE meeting_id = 1",
        "UPDATE seals SET canonical = '{}'",
        "DELETE FROM seals",
        "DELETE FROM paragraph_numbers WHERE meeting_id = 1",
    ] {
        let e = raw.execute(sql, []).unwrap_err();
        assert!(e.to_string().contains("kan inte"), "{sql}: {e}");
    }

    // The next meeting continues the series and may not reuse § 2.
    let m2 = s
        .add_meeting(&Meeting::planned(body, d("2024-02-26")))
        .unwrap();
    let series = s.paragraph_series(body, 2024, Some(m2.id)).unwrap();
    assert_eq!(series.next(), 3);
    let clash = Minutes::new(
        body,
        d("2024-02-26"),
        att.clone(),
        vec![Paragraph::new(2, "Ärende").unwrap()],
        None,
    )
    .unwrap();
    let err = s.save_minutes(m2.id, &clash).unwrap_err();
    assert!(err.to_string().contains("§ 2"), "{err}");
    assert_eq!(s.minutes(m2.id).unwrap(), None, "nothing half-written");
    // A new year starts again at § 1.
    let m3 = s
        .add_meeting(&Meeting::planned(body, d("2025-01-27")))
        .unwrap();
    let next_year = Minutes::new(
        body,
        d("2025-01-27"),
        att,
        vec![Paragraph::new(1, "Ärende").unwrap()],
        None,
    )
    .unwrap();
    s.save_minutes(m3.id, &next_year).unwrap();
    assert_eq!(s.meetings().unwrap().len(), 3);
}

#[test]
fn migrations_run_once_and_a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paragraf.db");
    let s = SqlStore::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), paragraf_store::SCHEMA_VERSION);
    s.integrity_check().unwrap();
    drop(s);
    let s = SqlStore::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), paragraf_store::SCHEMA_VERSION);
    drop(s);
    let c = rusqlite_conn(&path);
    c.pragma_update(None, "user_version", 99).unwrap();
    drop(c);
    let err = SqlStore::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
}

fn rusqlite_conn(path: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}

/// The generation changes with every write, through this store or another connection to
/// the same file, and not with reads: pages cached on it are never stale.
#[test]
fn the_generation_follows_every_write_from_any_connection() {
    let (dir, s) = store();
    let g0 = s.generation().unwrap();
    let _ = s.bodies().unwrap();
    assert_eq!(s.generation().unwrap(), g0, "a read changes nothing");
    s.add_body(&Body::new("Socialnämnden", Some("SN"), BodyKind::Committee, None).unwrap())
        .unwrap();
    let g1 = s.generation().unwrap();
    assert_ne!(g1, g0, "this store's write");
    let other = SqlStore::open(&dir.path().join("paragraf.db")).unwrap();
    other
        .add_body(
            &Body::new(
                "Kommunstyrelsen",
                Some("KS"),
                BodyKind::ExecutiveBoard,
                None,
            )
            .unwrap(),
        )
        .unwrap();
    assert_ne!(s.generation().unwrap(), g1, "another connection's write");
}
