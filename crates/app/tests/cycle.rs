//! One meeting driven through every state of the cycle against a real SQLite store, and a
//! sealed protocol tampered with behind Paragraf's back.

use chrono::NaiveDate;
use paragraf_app::meeting::cycle;
use paragraf_app::{Config, DataDir, MunicipalityConfig, RegistryConfig};
use paragraf_core::ids::{MeetingId, PersonId};
use paragraf_core::meeting::{
    AttendanceRole, Attendee, Meeting, MeetingState, Presence, ScheduleSlot,
};
use paragraf_core::minutes::{
    ApprovalOutcome, AttClause, Ballot, Choice, Conflict, Decision, Reservation, SignerRole,
};
use paragraf_core::org::{Body, BodyKind, Membership, MembershipRole, Person, PresidiumPosition};
use paragraf_core::registry::Secrecy;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn setup() -> (tempfile::TempDir, DataDir, Vec<PersonId>, MeetingId) {
    let tmp = tempfile::tempdir().unwrap();
    let config = Config {
        municipality: MunicipalityConfig {
            name: "Hagfors kommun".into(),
            org_nr: Some("212000-1884".into()),
            ..Default::default()
        },
        registry: RegistryConfig {
            dnr_pattern: "{series}/{year}:{seq}".into(),
            default_series: Some("KS".into()),
            ..Default::default()
        },
        server: Default::default(),
        sso: None,
        underskrift: None,
        nycklar: None,
        mail: None,
        database: None, // SQLite: a test below opens the database file itself
    };
    let dir = DataDir::init(&tmp.path().join("data"), &config).unwrap();
    let s = &dir;
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
                None,
                BodyKind::Subcommittee,
                Some(ks.id),
            )
            .unwrap(),
        )
        .unwrap();
    let mut people = Vec::new();
    for (name, party, role, pos) in [
        (
            "Thony Liljemark",
            "OR",
            MembershipRole::Member,
            Some(PresidiumPosition::Chair),
        ),
        ("Pernilla Boström", "S", MembershipRole::Member, None),
        ("Camilla Hülphers", "OR", MembershipRole::Member, None),
        ("Tomas Pettersson", "S", MembershipRole::Member, None),
        ("Annika Hagberg", "OR", MembershipRole::Member, None),
        ("Eva Liljemark", "OR", MembershipRole::Substitute, None),
        ("Eva Pettersson", "", MembershipRole::Substitute, None),
    ] {
        let p = s.add_person(&Person::new(name, None).unwrap()).unwrap();
        if !party.is_empty() {
            s.add_membership(
                &Membership::new(
                    p.id,
                    iou.id,
                    role,
                    pos,
                    Some(party),
                    None,
                    d("2023-01-01"),
                    None,
                )
                .unwrap(),
            )
            .unwrap();
        }
        people.push(p.id);
    }
    // §§ 1–113 already used this year by earlier meetings.
    let earlier = s
        .storage_for_tests()
        .add_meeting(&Meeting::planned(iou.id, d("2025-08-18")))
        .unwrap();
    let ps = (1..=113)
        .map(|n| paragraf_core::minutes::Paragraph::new(n, "Tidigare ärende").unwrap())
        .collect();
    let old = paragraf_core::minutes::Minutes::new(
        iou.id,
        d("2025-08-18"),
        paragraf_core::meeting::Attendance::empty(),
        ps,
        None,
    )
    .unwrap();
    s.storage_for_tests()
        .save_minutes(earlier.id, &old)
        .unwrap();

    let mut m = Meeting::planned(iou.id, d("2025-09-01"));
    m.start = Some("13:15".parse().unwrap());
    m.end = Some("17:00".parse().unwrap());
    m.place = Some("Sammanträdesrummet, stadshuset".into());
    let m = cycle::create_meeting(s, &m).unwrap();
    for (title, secrecy) in [
        (
            "Verksamhets- och budgetuppföljning januari - juli 2025",
            Secrecy::Public,
        ),
        ("Yttrande över motion om hemtjänst", Secrecy::Public),
        ("Ansökan om vård enligt LVU", Secrecy::IndividualCase),
    ] {
        let c = paragraf_app::registry::register_case(
            s,
            paragraf_app::registry::RegisterCase {
                series: Some("KS".into()),
                class: None,
                title: title.into(),
                body: Some(iou.id),
                secret: secrecy.is_secret(),
                date: d("2025-08-01"),
                handler: None,
            },
        )
        .unwrap();
        cycle::add_agenda_case(
            s,
            m.id,
            &c.dnr.to_string(),
            Some("Maria Persson, socialchef".into()),
        )
        .unwrap();
    }
    (tmp, dir, people, m.id)
}

fn state(dir: &DataDir, id: MeetingId) -> MeetingState {
    dir.meeting(id).unwrap().state()
}

#[test]
fn a_meeting_goes_through_every_state_in_the_store() {
    let (_tmp, dir, p, id) = setup();
    let s = &dir;
    assert_eq!(state(&dir, id), MeetingState::Planned);
    cycle::add_slot(
        s,
        id,
        ScheduleSlot {
            start: "13:15".parse().unwrap(),
            end: Some("14:00".parse().unwrap()),
            topic: "Budgetuppföljning".into(),
            presenters: vec!["Malin Hedberg Soini, ekonom".into()],
            public: false,
        },
    )
    .unwrap();
    assert!(cycle::mark_held(s, id, d("2025-09-01")).is_err());
    cycle::send_notice(s, id, d("2025-08-22")).unwrap();
    assert_eq!(state(&dir, id), MeetingState::Notified);
    assert!(
        cycle::add_agenda_case(s, id, "KS/2025:1", None).is_err(),
        "agenda closed after the notice"
    );
    cycle::mark_held(s, id, d("2025-09-01")).unwrap();

    let minutes = cycle::draft_minutes(
        s,
        id,
        Some(p[6]),
        Some(p[0]),
        vec![p[1]],
        Some("Digital signering".into()),
    )
    .unwrap();
    assert_eq!(
        minutes.number_range(),
        Some((114, 116)),
        "continues the body's series"
    );
    assert_eq!(state(&dir, id), MeetingState::MinutesDrafted);

    // Attendance: Annika Hagberg absent, Eva Liljemark serves for her.
    let a = |person: PersonId, role| Attendee {
        person,
        role,
        position: None,
        party: None,
        presence: Presence::whole_meeting(),
    };
    let bad = vec![
        a(p[0], AttendanceRole::Member),
        a(p[5], AttendanceRole::Member),
    ];
    assert!(
        cycle::set_attendance(s, id, bad).is_err(),
        "an ersättare is not a ledamot"
    );
    cycle::set_attendance(
        s,
        id,
        vec![
            a(p[0], AttendanceRole::Member),
            a(p[1], AttendanceRole::Member),
            a(p[2], AttendanceRole::Member),
            a(p[3], AttendanceRole::Member),
            a(p[5], AttendanceRole::ServingSubstitute { replaces: p[4] }),
            a(
                p[6],
                AttendanceRole::Other {
                    title: Some("sekreterare".into()),
                },
            ),
        ],
    )
    .unwrap();

    // Two decisions, a vote, a reservation, jäv.
    cycle::edit_paragraph_for_tests(s, id, 114, |para, _| {
        para.decision = Some(Decision::Clauses {
            intro: Some("Individ- och omsorgsutskottet beslutar".into()),
            clauses: vec![
                AttClause("godkänna budgetuppföljningen".into()),
                AttClause("överlämna den till kommunstyrelsen".into()),
            ],
        });
        para.dispatch = vec!["Kommunstyrelsen".into(), "Maria Persson, socialchef".into()];
        Ok(())
    })
    .unwrap();
    cycle::edit_paragraph_for_tests(s, id, 115, |para, att| {
        para.record_conflict(Conflict {
            person: p[2],
            ground: Some("anhörig".into()),
        })?;
        // Yrkanden and the propositionsordning.
        let chairs =
            para.add_motion(att, p[0], vec![p[5]], "bifall till förvaltningens förslag")?;
        let other = para.add_motion(att, p[3], vec![], "avslag på motionen")?;
        para.set_propositions(att, vec![chairs, other], Some(chairs))?;
        let ballots = [
            (p[0], Choice::Yes),
            (p[1], Choice::No),
            (p[3], Choice::No),
            (p[5], Choice::Yes),
        ]
        .into_iter()
        .map(|(person, choice)| Ballot { person, choice })
        .collect();
        para.record_vote(
            att,
            "bifall till ordförandens yrkande",
            "bifall till Tomas Petterssons yrkande",
            ballots,
            Some(p[0]),
            None,
        )?;
        para.decision = Some(Decision::Text {
            text: "Utskottet tillstyrker motionen.".into(),
        });
        para.reservations.push(Reservation {
            by: p[3],
            reasons: None,
        });
        Ok(())
    })
    .unwrap();
    // A vote that includes the member with jäv is refused, and the § is unchanged.
    let err = cycle::edit_paragraph_for_tests(s, id, 115, |para, _| {
        para.reservations.push(Reservation {
            by: p[2],
            reasons: None,
        });
        Ok(())
    })
    .unwrap_err();
    assert!(err.to_string().contains("jäv"), "{err}");
    let stored = s.minutes(id).unwrap().unwrap();
    assert_eq!(stored.paragraph(115).unwrap().reservations.len(), 1);
    assert_eq!(stored.paragraph(115).unwrap().motions.len(), 2);
    assert_eq!(
        stored
            .paragraph(115)
            .unwrap()
            .propositions
            .as_ref()
            .map(|x| x.carried),
        Some(Some(1))
    );
    assert!(
        stored.paragraph(115).unwrap().votes()[0].result().yes_wins,
        "tie broken by the chair"
    );

    // § 116 has no beslut: the justering is refused, with the rule's words, until the §
    // is decided or marked (here: bordlagt).
    let err = cycle::approve(
        &dir,
        id,
        p[0],
        SignerRole::Chair,
        vec![],
        &cycle::RecordedApproval {
            method: "Svensk e-legitimation".into(),
            signed_at: "2025-09-02T15:00:00+02:00".parse().unwrap(),
            recording: recorded_later(),
        },
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "§ 116 saknar beslut: skriv beslutet, eller ange att ärendet bordlagts, återremitterats eller var en information"
    );
    assert!(matches!(
        paragraf_app::Error::from(err),
        paragraf_app::Error::Rule(_)
    ));
    cycle::write_paragraph(
        s,
        id,
        116,
        cycle::ParagraphText {
            disposition: Some(Some(paragraf_core::minutes::Disposition::Tabled)),
            ..Default::default()
        },
    )
    .unwrap();

    // Anslag before justering is refused.
    assert!(cycle::post_minutes(
        s,
        id,
        d("2025-09-05"),
        "Administrativa enheten",
        d("2025-09-05")
    )
    .is_err());
    // Justering: chair, then adjuster; the last seals.
    let t = |x: &str| x.parse().unwrap();
    let out = cycle::approve(
        &dir,
        id,
        p[0],
        SignerRole::Chair,
        vec![],
        &cycle::RecordedApproval {
            method: "Svensk e-legitimation".into(),
            signed_at: t("2025-09-02T15:00:00+02:00"),
            recording: recorded_later(),
        },
    )
    .unwrap();
    assert!(matches!(out, ApprovalOutcome::Recorded { .. }));
    assert!(cycle::approve(
        &dir,
        id,
        p[3],
        SignerRole::Adjuster,
        vec![],
        &cycle::RecordedApproval {
            method: "Svensk e-legitimation".into(),
            signed_at: t("2025-09-02T15:00:00+02:00"),
            recording: recorded_later(),
        },
    )
    .is_err());
    let out = cycle::approve(
        &dir,
        id,
        p[1],
        SignerRole::Adjuster,
        vec![],
        &cycle::RecordedApproval {
            method: "Svensk e-legitimation".into(),
            signed_at: t("2025-09-03T09:10:47+02:00"),
            recording: recorded_later(),
        },
    )
    .unwrap();
    assert_eq!(out, ApprovalOutcome::Sealed);
    assert_eq!(state(&dir, id), MeetingState::Adjusted);
    assert!(cycle::verify(&dir, id).unwrap().ok());
    let err = cycle::edit_paragraph_for_tests(s, id, 114, |para, _| {
        para.text = "efteråt".into();
        Ok(())
    })
    .unwrap_err();
    assert!(err.to_string().contains("justerat"), "{err}");

    let warnings = cycle::post_minutes(
        s,
        id,
        d("2025-09-08"),
        "Administrativa enheten",
        d("2025-09-08"),
    )
    .unwrap();
    assert_eq!(warnings.len(), 1, "posted five days after justering");
    let m = s.meeting(id).unwrap();
    assert_eq!(m.state(), MeetingState::Posted);
    assert_eq!(
        m.posting().as_ref().unwrap().appeal_ends,
        Some(d("2025-09-29"))
    );
    assert!(cycle::close_appeal_periods(s, d("2025-09-29"))
        .unwrap()
        .is_empty());
    assert_eq!(
        cycle::close_appeal_periods(s, d("2025-09-30")).unwrap(),
        vec![id]
    );
    assert_eq!(state(&dir, id), MeetingState::AppealPeriodOver);
    assert!(
        cycle::verify(&dir, id).unwrap().ok(),
        "posting does not touch the sealed minutes"
    );
}

/// The meeting notified, held and its minutes drafted with the chair and an adjuster
/// present and every § decided: ready for justering.
fn ready_to_adjust(s: &DataDir, p: &[PersonId], id: MeetingId) {
    cycle::send_notice(s, id, d("2025-08-22")).unwrap();
    cycle::mark_held(s, id, d("2025-09-01")).unwrap();
    cycle::draft_minutes(
        s,
        id,
        None,
        Some(p[0]),
        vec![p[1]],
        Some("Digital signering".into()),
    )
    .unwrap();
    // The chair and the adjuster justerar as deciding members present.
    let member = |person| Attendee {
        person,
        role: AttendanceRole::Member,
        position: None,
        party: None,
        presence: Presence::whole_meeting(),
    };
    cycle::set_attendance(s, id, vec![member(p[0]), member(p[1]), member(p[2])]).unwrap();
    for (n, text) in [
        (114, "Utskottet godkänner budgetuppföljningen."),
        (115, "Utskottet tillstyrker motionen."),
        (116, "Utskottet bifaller ansökan."),
    ] {
        cycle::edit_paragraph_for_tests(s, id, n, |para, _| {
            para.decision = Some(Decision::Text { text: text.into() });
            Ok(())
        })
        .unwrap();
    }
}

#[test]
fn verify_names_what_was_changed_behind_our_back() {
    let (_tmp, dir, p, id) = setup();
    let s = &dir;
    ready_to_adjust(s, &p, id);
    let t = "2025-09-03T09:10:47+02:00".parse().unwrap();
    cycle::approve(
        &dir,
        id,
        p[0],
        SignerRole::Chair,
        vec![],
        &cycle::RecordedApproval {
            method: "Paragraf".into(),
            signed_at: t,
            recording: recorded_later(),
        },
    )
    .unwrap();
    cycle::approve(
        &dir,
        id,
        p[1],
        SignerRole::Adjuster,
        vec![],
        &cycle::RecordedApproval {
            method: "Paragraf".into(),
            signed_at: t,
            recording: recorded_later(),
        },
    )
    .unwrap();
    assert!(cycle::verify(&dir, id).unwrap().ok());

    // Someone with the database file drops the guard and rewrites a decision.
    let raw = rusqlite::Connection::open(dir.path.join("paragraf.db")).unwrap();
    raw.execute_batch("DROP TRIGGER minutes_sealed_no_update")
        .unwrap();
    let data: String = raw
        .query_row(
            "SELECT data FROM minutes WHERE meeting_id = ?1",
            [id.0],
            |r| r.get(0),
        )
        .unwrap();
    let tampered = data.replace(
        "godkänner budgetuppföljningen",
        "avslår budgetuppföljningen",
    );
    assert_ne!(tampered, data);
    raw.execute(
        "UPDATE minutes SET data = ?1 WHERE meeting_id = ?2",
        rusqlite::params![tampered, id.0],
    )
    .unwrap();
    let report = cycle::verify(&dir, id).unwrap();
    assert!(!report.ok());
    assert!(!report.content_matches);
    assert_eq!(report.differences, vec!["§ 114.decision.text"]);
}

/// What people read of a refusal names people, not the store's numbers; an error of the
/// operation keeps its type.
#[test]
fn refusals_name_people_by_name() {
    let store = paragraf_app::DataDir::in_memory(&paragraf_app::demo::demo_config()).unwrap();
    let p = store
        .add_person(&Person::new("Thony Liljemark", None).unwrap())
        .unwrap();
    let e = anyhow::anyhow!(
        "person {} röstar två gånger i § 3; person 999 okänd",
        p.id.0
    );
    let named = cycle::with_names(&store, e).to_string();
    assert_eq!(
        named,
        "Thony Liljemark röstar två gånger i § 3; person 999 okänd"
    );
    let rule = anyhow::Error::new(paragraf_app::Error::Rule(format!(
        "person {} är inte ordförande",
        p.id.0
    )));
    assert!(matches!(
        cycle::with_names(&store, rule).downcast_ref::<paragraf_app::Error>(),
        Some(paragraf_app::Error::Rule(m)) if m == "Thony Liljemark är inte ordförande"
    ));
    let plain = cycle::with_names(&store, anyhow::anyhow!("inget att ändra")).to_string();
    assert_eq!(plain, "inget att ändra");
    let missing = store.person(PersonId(12345)).unwrap_err();
    let kept = cycle::with_names(&store, anyhow::Error::from(missing));
    assert!(matches!(
        kept.downcast_ref::<paragraf_app::Error>(),
        Some(paragraf_app::Error::NotFound(_))
    ));
}

/// Approvals recorded after the fact, by the test.
fn recorded_later() -> cycle::Recording {
    cycle::Recording {
        now: "2025-12-31T12:00:00+01:00".parse().unwrap(),
        by: "test".into(),
        on_behalf: false,
    }
}

/// KL 6 kap. 16–17 §§ through the operation: with the ersättarordning in force, an ersättare
/// of another party may not serve for Annika Hagberg (OR) while Eva Liljemark (OR) sits by;
/// the refusal names them.
#[test]
fn the_ersattarordning_decides_who_serves() {
    let (_tmp, dir, p, id) = setup();
    let s = &dir;
    let body = s.meeting(id).unwrap().body;
    let other = s
        .add_person(&Person::new("Sven Ersätt", None).unwrap())
        .unwrap();
    s.add_membership(
        &Membership::new(
            other.id,
            body,
            MembershipRole::Substitute,
            None,
            Some("S"),
            None,
            d("2023-01-01"),
            None,
        )
        .unwrap(),
    )
    .unwrap();
    // Someone who is not an ersättare of the body cannot stand in the order.
    let wrong =
        paragraf_core::org::SubstituteOrder::new(body, d("2023-01-01"), None, true, vec![p[0]])
            .unwrap();
    assert!(paragraf_app::org::set_substitute_order(s, "test", &wrong).is_err());
    let order = paragraf_core::org::SubstituteOrder::new(
        body,
        d("2023-01-01"),
        None,
        true,
        vec![other.id, p[5]],
    )
    .unwrap();
    paragraf_app::org::set_substitute_order(s, "test", &order).unwrap();
    cycle::send_notice(s, id, d("2025-08-22")).unwrap();
    cycle::mark_held(s, id, d("2025-09-01")).unwrap();
    cycle::draft_minutes(
        s,
        id,
        None,
        Some(p[0]),
        vec![p[1]],
        Some("Digital signering".into()),
    )
    .unwrap();
    let a = Attendee::whole_meeting;
    let list = |serving: PersonId, idle: PersonId| {
        vec![
            a(p[0], AttendanceRole::Member),
            a(p[1], AttendanceRole::Member),
            a(p[2], AttendanceRole::Member),
            a(p[3], AttendanceRole::Member),
            a(
                serving,
                AttendanceRole::ServingSubstitute { replaces: p[4] },
            ),
            a(idle, AttendanceRole::Substitute),
        ]
    };
    let err = cycle::set_attendance(s, id, list(other.id, p[5])).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Sven Ersätt tjänstgör för Annika Hagberg, men Eva Liljemark står före"),
        "{err}"
    );
    cycle::set_attendance(s, id, list(p[5], other.id)).unwrap();
}

/// A signing service stands in for e-legitimation: it is asked to sign the root of the
/// minutes as they stand, refuses once (the person cancelled in the app), and its approval
/// is recorded with its own method — the cycle is the same for every [`cycle::Signer`].
#[test]
fn approvals_go_through_the_signer_interface() {
    use std::cell::RefCell;
    struct Service {
        asked: RefCell<Vec<String>>,
        cancel: bool,
        at: chrono::DateTime<chrono::FixedOffset>,
    }
    impl cycle::Signer for Service {
        fn approval(&self, r: &cycle::ApprovalRequest) -> anyhow::Result<cycle::GivenApproval> {
            self.asked.borrow_mut().push(r.digest.clone());
            if self.cancel {
                anyhow::bail!("underskriften avbröts i e-legitimationsappen");
            }
            Ok(cycle::GivenApproval {
                time: self.at,
                method: "Svensk e-legitimation (underskriftstjänst)".into(),
                recorded: None,
                now: self.at,
            })
        }
    }
    let (_tmp, dir, p, id) = setup();
    ready_to_adjust(&dir, &p, id);
    let at = "2025-09-03T09:10:47+02:00".parse().unwrap();
    let root = {
        let m = dir.minutes(id).unwrap().unwrap();
        paragraf_core::canonical::digest(&paragraf_core::canonical::v1(&m))
    };
    let cancelled = Service {
        asked: RefCell::new(vec![]),
        cancel: true,
        at,
    };
    let err = cycle::approve(&dir, id, p[0], SignerRole::Chair, vec![], &cancelled).unwrap_err();
    assert!(err.to_string().contains("avbröts"), "{err}");
    assert_eq!(*cancelled.asked.borrow(), vec![root]);
    assert!(
        dir.minutes(id).unwrap().unwrap().approvals().is_empty(),
        "nothing recorded"
    );

    let service = Service {
        asked: RefCell::new(vec![]),
        cancel: false,
        at,
    };
    cycle::approve(&dir, id, p[0], SignerRole::Chair, vec![], &service).unwrap();
    let out = cycle::approve(&dir, id, p[1], SignerRole::Adjuster, vec![], &service).unwrap();
    assert_eq!(out, ApprovalOutcome::Sealed);
    let m = dir.minutes(id).unwrap().unwrap();
    assert!(m
        .approvals()
        .iter()
        .all(|a| a.method == "Svensk e-legitimation (underskriftstjänst)"));
    assert!(cycle::verify(&dir, id).unwrap().ok());
}
