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
use paragraf_store::{NewCase, SqliteStore, Store, StoreError};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn store() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let s = SqliteStore::open(&dir.path().join("paragraf.db")).unwrap();
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

#[test]
fn organisation_round_trips() {
    let (_dir, s) = store();
    let m =
        Municipality::new("Hagfors kommun", Some(OrgNr::parse("212000-1884").unwrap())).unwrap();
    s.set_municipality(&m).unwrap();
    assert_eq!(s.municipality().unwrap(), Some(m));

    let ks = s
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
    let iou = s
        .add_body(
            &Body::new(
                "Individ- och omsorgsutskottet",
                Some("IOU"),
                BodyKind::Subcommittee,
                Some(ks.id),
            )
            .unwrap(),
        )
        .unwrap();
    assert_eq!(s.body(iou.id).unwrap(), iou);
    assert_eq!(s.bodies().unwrap(), vec![ks.clone(), iou.clone()]);
    let dup =
        s.add_body(&Body::new("Kommunstyrelsen", None, BodyKind::ExecutiveBoard, None).unwrap());
    assert!(matches!(dup, Err(StoreError::Conflict(_))));
    let orphan =
        s.add_body(&Body::new("AU", None, BodyKind::WorkingCommittee, Some(BodyId(99))).unwrap());
    assert!(matches!(orphan, Err(StoreError::Conflict(_))), "{orphan:?}");

    let term = s
        .add_term(&TermOfOffice::new(d("2023-01-01"), d("2026-12-31")).unwrap())
        .unwrap();
    assert_eq!(s.terms().unwrap(), vec![term.clone()]);

    let thony = s
        .add_person(&Person::new("Thony Liljemark", Some("thony@example.se")).unwrap())
        .unwrap();
    assert_eq!(s.person(thony.id).unwrap(), thony);
    let ms = Membership::new(
        thony.id,
        iou.id,
        MembershipRole::Member,
        Some(PresidiumPosition::Chair),
        Some("OR"),
        Some(term.id),
        d("2023-01-01"),
        Some(d("2026-12-31")),
    )
    .unwrap();
    let ms = s.add_membership(&ms).unwrap();
    assert_eq!(s.memberships(Some(iou.id)).unwrap(), vec![ms.clone()]);
    assert_eq!(s.memberships(Some(ks.id)).unwrap(), vec![]);

    let maria = s
        .add_person(&Person::new("Maria Persson", None).unwrap())
        .unwrap();
    let off = s
        .add_official(&Official::new(maria.id, "socialchef", Some("Socialförvaltningen")).unwrap())
        .unwrap();
    assert_eq!(s.officials().unwrap(), vec![off]);
    assert_eq!(s.persons().unwrap().len(), 2);
    assert!(matches!(
        s.person(PersonId(42)),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn registry_round_trips_and_numbers_without_gaps() {
    let (_dir, s) = store();
    let pattern = DnrPattern::new("{series}/{year}:{seq}").unwrap();
    let doc = NewDocument::new(
        DocumentType::Ruling,
        "Dom LVU",
        d("2025-08-20"),
        Direction::Incoming,
        Some("Förvaltningsrätten"),
    )
    .unwrap();
    let (c1, docs) = s
        .create_case(
            &pattern,
            &new_case("KS", "Verksamhetsuppföljning", "2025-01-10"),
            std::slice::from_ref(&doc),
        )
        .unwrap();
    assert_eq!(c1.dnr.to_string(), "KS/2025:1");
    assert_eq!(docs[0].number, 1);
    let (c2, _) = s
        .create_case(
            &pattern,
            &new_case("KS", "Delegationsbeslut", "2025-02-01"),
            &[],
        )
        .unwrap();
    assert_eq!(c2.dnr.to_string(), "KS/2025:2");
    let (c3, _) = s
        .create_case(&pattern, &new_case("SN", "Egen serie", "2025-02-01"), &[])
        .unwrap();
    assert_eq!(c3.dnr.to_string(), "SN/2025:1");
    let (c4, _) = s
        .create_case(&pattern, &new_case("KS", "Nytt år", "2026-01-02"), &[])
        .unwrap();
    assert_eq!(c4.dnr.to_string(), "KS/2026:1");

    assert_eq!(s.case(c1.id).unwrap(), c1);
    assert_eq!(s.case_by_dnr("KS/2025:2").unwrap(), Some(c2.clone()));
    assert_eq!(s.documents(c1.id).unwrap(), docs);
    s.set_case_status(c1.id, CaseStatus::Closed).unwrap();
    assert_eq!(s.case(c1.id).unwrap().status, CaseStatus::Closed);
    let edited = s
        .update_case(c1.id, "Ny ärendemening", CaseStatus::Decided, Some("Eva"))
        .unwrap();
    assert_eq!(
        (
            edited.title.as_str(),
            edited.status,
            edited.handler.as_deref()
        ),
        ("Ny ärendemening", CaseStatus::Decided, Some("Eva"))
    );
    assert_eq!(edited.dnr, c1.dnr, "the number never changes");
    assert!(s.update_case(c1.id, " ", CaseStatus::Open, None).is_err());
    assert!(s
        .update_case(CaseId(999), "x", CaseStatus::Open, None)
        .is_err());

    // An imported number moves the counter past it.
    let imported = Case::new(
        paragraf_core::dnr::Dnr::parse("KS/2025:26").unwrap(),
        "Verksamhets- och budgetuppföljning januari - juli 2025",
        None,
        Secrecy::Public,
        d("2025-09-01"),
    )
    .unwrap();
    let imp = s.register_case(&imported).unwrap();
    assert_eq!(s.case(imp.id).unwrap(), imp);
    let (c5, _) = s
        .create_case(&pattern, &new_case("KS", "Efter import", "2025-09-02"), &[])
        .unwrap();
    assert_eq!(c5.dnr.to_string(), "KS/2025:27");
    assert!(matches!(
        s.register_case(&imported),
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(s.cases().unwrap().len(), 6);

    // A document for a missing case is refused.
    assert!(s.add_document(CaseId(999), &doc).is_err());
}

#[test]
fn a_failed_case_leaves_no_number_behind() {
    let (_dir, s) = store();
    // A six-digit pattern: the millionth number does not fit and the write is refused.
    let pattern = DnrPattern::new("{series} {year}-{seq:1}").unwrap();
    for i in 1..=9 {
        let (c, _) = s
            .create_case(&pattern, &new_case("SOC", "Ärende", "2024-03-01"), &[])
            .unwrap();
        assert_eq!(c.dnr.sequence(), i);
    }
    assert!(s
        .create_case(&pattern, &new_case("SOC", "Ärende", "2024-03-01"), &[])
        .is_err());
    // An empty title fails inside the transaction: the counter does not move.
    let pattern = DnrPattern::new("{series} {year}-{seq:6}").unwrap();
    assert!(s
        .create_case(&pattern, &new_case("SN", " ", "2024-03-01"), &[])
        .is_err());
    let (c, _) = s
        .create_case(&pattern, &new_case("SN", "Ärende", "2024-03-01"), &[])
        .unwrap();
    assert_eq!(c.dnr.to_string(), "SN 2024-000001");
}

/// Many writers at once, each with its own connection and through one shared store: every
/// number is handed out exactly once and none is skipped.
#[test]
fn concurrent_allocation_has_no_gaps_and_no_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paragraf.db");
    let shared = Arc::new(SqliteStore::open(&path).unwrap());
    let pattern = DnrPattern::new("{series} {year}-{seq:6}").unwrap();
    let mut handles = Vec::new();
    for t in 0..8 {
        let path = path.clone();
        let shared = shared.clone();
        let pattern = pattern.clone();
        handles.push(std::thread::spawn(move || {
            let own = SqliteStore::open(&path).unwrap();
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

fn seed_meeting(s: &SqliteStore) -> (BodyId, Vec<Membership>, Attendance) {
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
    meeting.schedule.push(ScheduleSlot {
        start: "14:00".parse().unwrap(),
        end: Some("14:30".parse().unwrap()),
        topic: "Budgetuppföljning".into(),
        presenters: vec!["Emma Selemo, ekonom".into()],
    });
    meeting.agenda.push(AgendaItem {
        position: 1,
        title: "Ändring i föredragningslistan".into(),
        case: None,
        case_number: None,
        presenter: None,
        secrecy: Secrecy::Public,
        draft: None,
    });
    let m1 = s.add_meeting(&meeting).unwrap();
    assert_eq!(s.meeting(m1.id).unwrap(), m1);
    meeting.state = MeetingState::Notified;
    s.update_meeting(m1.id, &meeting).unwrap();
    assert_eq!(s.meeting(m1.id).unwrap().state, MeetingState::Notified);

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
    )
    .unwrap();
    p2.record_conflict(Conflict {
        person: PersonId(4),
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
    meeting.notice = Some(PublicNotice {
        posted: d("2024-02-05"),
        removed: None,
        storage: "Vård- och omsorgsförvaltningen".into(),
        appeal_ends: Some(d("2024-02-26")),
        adjusted: Some(d("2024-02-01")),
    });
    s.update_meeting(m1.id, &meeting).unwrap();
    assert_eq!(s.meeting(m1.id).unwrap().notice, meeting.notice);
    s.save_minutes(m1.id, &minutes).unwrap();
    assert_eq!(s.minutes(m1.id).unwrap(), Some(minutes.clone()));
    // Saving again (an edit of a draft) keeps its own numbers.
    s.save_minutes(m1.id, &minutes).unwrap();
    assert_eq!(s.sealed_text(m1.id).unwrap(), None);

    // Sealed: stored with its canonical text, and never written again.
    let key = ed25519_dalek::SigningKey::from_bytes(&[5u8; 32]);
    for (who, role) in [(1, SignerRole::Chair), (3, SignerRole::Adjuster)] {
        minutes
            .approve(
                Approval {
                    signer: PersonId(who),
                    role,
                    time: "2024-02-01T10:00:00+01:00".parse().unwrap(),
                    method: "Paragraf".into(),
                    paragraphs: vec![],
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
    let s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), paragraf_store::SCHEMA_VERSION);
    s.integrity_check().unwrap();
    drop(s);
    let s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), paragraf_store::SCHEMA_VERSION);
    drop(s);
    let c = rusqlite_conn(&path);
    c.pragma_update(None, "user_version", 99).unwrap();
    drop(c);
    let err = SqliteStore::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
}

fn rusqlite_conn(path: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}

#[test]
fn atomically_keeps_all_or_nothing() {
    let (_dir, s) = store();
    let err = s
        .atomically(&mut |tx| {
            tx.add_body(&Body::new("Socialnämnden", None, BodyKind::Committee, None).unwrap())?;
            tx.add_person(&Person::new("Anna Andersson", None).unwrap())?;
            // The same name again breaks uniqueness: everything above is undone.
            tx.add_body(&Body::new("Socialnämnden", None, BodyKind::Committee, None).unwrap())?;
            Ok(())
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)));
    assert!(s.bodies().unwrap().is_empty());
    assert!(s.persons().unwrap().is_empty());

    s.atomically(&mut |tx| {
        tx.add_body(&Body::new("Socialnämnden", None, BodyKind::Committee, None).unwrap())?;
        // A nested failure rolls back only its own part.
        let inner = tx.atomically(&mut |t| {
            t.add_person(&Person::new("Bo Berg", None).unwrap())?;
            Err(StoreError::Rule("avbruten".into()))
        });
        assert!(inner.is_err());
        Ok(())
    })
    .unwrap();
    assert_eq!(s.bodies().unwrap().len(), 1);
    assert!(s.persons().unwrap().is_empty());
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
    let other = SqliteStore::open(&dir.path().join("paragraf.db")).unwrap();
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
