//! The demo municipality: bodies, members, officials, cases, a meeting in every state of the
//! cycle, and the seed protocols imported, so that a newcomer sees Paragraf with data at
//! once. Every name in the made-up part is invented; the imported protocols are public
//! records.

use anyhow::Result;
use chrono::NaiveDate;
use paragraf_core::meeting::{Meeting, ScheduleSlot};
use paragraf_core::org::{
    Body, BodyKind, Membership, MembershipRole, Official, Person, PresidiumPosition, TermOfOffice,
};
use paragraf_core::registry::{Direction, DocumentType, NewDocument, Secrecy};
use paragraf_store::{NewCase, Store};

use crate::meeting::cycle;
use crate::{Config, DataDir, MunicipalityConfig, RegistryConfig};
use chrono::TimeZone;
use paragraf_core::ids::PersonId;
use paragraf_core::meeting::{AttendanceRole, Attendee, MeetingState};
use paragraf_core::minutes::{
    AttClause, Ballot, CellValue, Choice, Decision, Reservation, SignerRole, Table, TableRow,
};

fn d(s: &str) -> NaiveDate {
    s.parse().expect("demo dates are valid")
}

/// The demo municipality's settings.
pub fn demo_config() -> Config {
    Config {
        municipality: MunicipalityConfig {
            name: "Demoby kommun".into(),
            org_nr: Some("212000-1884".into()),
            ..Default::default()
        },
        registry: RegistryConfig {
            dnr_pattern: "{series} {year}-{seq:6}".into(),
            default_series: Some("SOC".into()),
            ..Default::default()
        },
        server: Default::default(),
        sso: None,
        underskrift: None,
        nycklar: None,
        mail: None,
        database: None,
    }
}

/// Fills an empty store with the demo organisation, cases and meetings.
/// Fills an empty data directory with the demo; `today` places the meetings around it.
pub fn populate(dir: &DataDir, today: NaiveDate) -> Result<()> {
    let store: &dyn Store = dir.storage();
    store.add_body(&Body::new(
        "Kommunfullmäktige",
        Some("KF"),
        BodyKind::Assembly,
        None,
    )?)?;
    let ks = store.add_body(&Body::new(
        "Kommunstyrelsen",
        Some("KS"),
        BodyKind::ExecutiveBoard,
        None,
    )?)?;
    let sn = store.add_body(&Body::new(
        "Socialnämnden",
        Some("SN"),
        BodyKind::Committee,
        None,
    )?)?;
    let au = store.add_body(&Body::new(
        "Socialnämndens arbetsutskott",
        Some("SNAU"),
        BodyKind::WorkingCommittee,
        Some(sn.id),
    )?)?;
    store.add_body(&Body::new(
        "Kommunala pensionärsrådet",
        Some("KPR"),
        BodyKind::AdvisoryCouncil,
        Some(ks.id),
    )?)?;
    // The mandatperiod holds every demo meeting (60 days back, 30 ahead) whatever the day:
    // four calendar years from the January of the year before today.
    let first = {
        use chrono::Datelike;
        today.year() - 1
    };
    let term = store.add_term(&TermOfOffice::new(
        NaiveDate::from_ymd_opt(first, 1, 1).expect("a January"),
        NaiveDate::from_ymd_opt(first + 3, 12, 31).expect("a December"),
    )?)?;

    let members: [(&str, &str, MembershipRole, Option<PresidiumPosition>); 13] = [
        (
            "Karin Ek",
            "S",
            MembershipRole::Member,
            Some(PresidiumPosition::Chair),
        ),
        (
            "Johan Björk",
            "M",
            MembershipRole::Member,
            Some(PresidiumPosition::FirstViceChair),
        ),
        (
            "Leila Haddad",
            "S",
            MembershipRole::Member,
            Some(PresidiumPosition::SecondViceChair),
        ),
        ("Per Lind", "SD", MembershipRole::Member, None),
        ("Anna Sjöberg", "C", MembershipRole::Member, None),
        ("Mikael Öhman", "V", MembershipRole::Member, None),
        ("Sara Nyström", "KD", MembershipRole::Member, None),
        ("Olof Granlund", "S", MembershipRole::Substitute, None),
        ("Fatima Ali", "M", MembershipRole::Substitute, None),
        ("Erik Holm", "SD", MembershipRole::Substitute, None),
        ("Maja Berg", "L", MembershipRole::Substitute, None),
        ("Tove Strand", "MP", MembershipRole::Substitute, None),
        ("Nils Åkesson", "C", MembershipRole::Substitute, None),
    ];
    for (i, (name, party, role, position)) in members.iter().enumerate() {
        let email = format!(
            "{}@demoby.se",
            name.to_lowercase()
                .replace(' ', ".")
                .replace(['å', 'ä'], "a")
                .replace('ö', "o")
        );
        let p = store.add_person(&Person::new(name, Some(&email))?)?;
        store.add_membership(&Membership::new(
            p.id,
            sn.id,
            *role,
            *position,
            Some(party),
            Some(term.id),
            term.from,
            Some(term.to),
        )?)?;
        if i < 3 {
            store.add_membership(&Membership::new(
                p.id,
                au.id,
                MembershipRole::Member,
                *position,
                Some(party),
                Some(term.id),
                term.from,
                Some(term.to),
            )?)?;
        }
    }
    for (name, title) in [
        ("Helena Vik", "förvaltningschef"),
        ("Jonas Falk", "ekonom"),
        ("Rebecka Hed", "verksamhetschef individ- och familjeomsorg"),
        ("Linnea Moberg", "nämndsekreterare"),
    ] {
        let p = store.add_person(&Person::new(name, None)?)?;
        store.add_official(&Official::new(p.id, title, Some("Socialförvaltningen"))?)?;
    }

    let memo = |title: &str, date: &str| {
        NewDocument::new(
            DocumentType::Memo,
            title,
            d(date),
            Direction::Internal,
            None,
        )
    };
    let case = |title: &str, date: &str, secrecy: Secrecy| NewCase {
        series: Some("SOC".into()),
        class: None,
        title: title.into(),
        body: Some(sn.id),
        secrecy,
        registered: d(date),
        handler: Some("Rebecka Hed".into()),
    };
    let mut cases = Vec::new();
    for (title, date, secrecy, first_doc) in [
        (
            "Verksamhets- och budgetuppföljning",
            "2026-01-05",
            Secrecy::Public,
            memo("Tjänsteskrivelse budgetuppföljning", "2026-01-10")?,
        ),
        (
            "Rapport ej verkställda beslut",
            "2026-01-20",
            Secrecy::Public,
            memo("Tjänsteskrivelse ej verkställda beslut", "2026-01-21")?,
        ),
        (
            "Revidering av delegationsordning",
            "2026-02-14",
            Secrecy::Public,
            memo("Förslag till reviderad delegationsordning", "2026-02-20")?,
        ),
        (
            "Svar på tillsyn från IVO om handläggning av orosanmälningar",
            "2026-03-02",
            Secrecy::Public,
            NewDocument::new(
                DocumentType::SupervisionDecision,
                "Beslut efter tillsyn",
                d("2026-03-02"),
                Direction::Incoming,
                Some("Inspektionen för vård och omsorg"),
            )?,
        ),
        (
            "Ansökan om vård enligt LVU",
            "2026-03-12",
            Secrecy::IndividualCase,
            memo(
                "Utredning och förslag till beslut, 811218-9876",
                "2026-03-12",
            )?,
        ),
    ] {
        let (c, _) =
            store.create_case(&dir.pattern(), &case(title, date, secrecy), &[first_doc])?;
        cases.push(c);
    }
    let person = |name: &str| -> Result<PersonId> {
        store
            .persons()?
            .into_iter()
            .find(|p| p.name == name)
            .map(|p| p.id)
            .ok_or_else(|| anyhow::anyhow!("demopersonen {name} saknas"))
    };
    let chair = person("Karin Ek")?;
    let adjuster = person("Johan Björk")?;
    let secretary = person("Linnea Moberg")?;
    let members: Vec<PersonId> = [
        "Karin Ek",
        "Johan Björk",
        "Leila Haddad",
        "Anna Sjöberg",
        "Mikael Öhman",
        "Sara Nyström",
    ]
    .iter()
    .map(|n| person(n))
    .collect::<Result<_>>()?;
    let serving = (person("Erik Holm")?, person("Per Lind")?);

    demo_register(dir, sn.id, today)?;

    // One meeting in every state of the cycle, oldest first so the § series runs on.
    let plan = [
        (-60, MeetingState::AppealPeriodOver),
        (-10, MeetingState::Posted),
        (-5, MeetingState::Adjusted),
        (-3, MeetingState::MinutesDrafted),
        (-1, MeetingState::Held),
        (7, MeetingState::Notified),
        (30, MeetingState::Planned),
    ];
    for (offset, target) in plan {
        let date = today + chrono::Duration::days(offset);
        let mut m = Meeting::planned(sn.id, date);
        m.start = Some("13:00".parse()?);
        m.end = Some("16:00".parse()?);
        m.place = Some("Sammanträdesrummet Tallen, kommunhuset".into());
        let id = cycle::create_meeting(dir, &m)?.id;
        cycle::add_slot(
            dir,
            id,
            ScheduleSlot {
                start: "13:00".parse()?,
                end: Some("13:30".parse()?),
                topic: "Budgetuppföljning".into(),
                presenters: vec!["Jonas Falk, ekonom".into()],
                public: true,
            },
        )?;
        for c in &cases {
            cycle::add_agenda_case(
                dir,
                id,
                &c.dnr.to_string(),
                Some("Helena Vik, förvaltningschef".into()),
            )?;
        }
        if target == MeetingState::Notified {
            demo_followup(dir, id, today)?;
            demo_unenforced(dir, id, today)?;
        }
        if target == MeetingState::Planned {
            continue;
        }
        // The demo plays each meeting's past as it happened: the kallelse ten days before
        // (or today, for the meeting ahead), held on its day.
        let sent = (date - chrono::Duration::days(10)).min(today);
        cycle::send_notice(dir, id, sent)?;
        if target == MeetingState::Notified {
            continue;
        }
        cycle::mark_held(dir, id, date)?;
        if target == MeetingState::Held {
            continue;
        }
        let minutes = cycle::draft_minutes(
            dir,
            id,
            Some(secretary),
            Some(chair),
            vec![adjuster],
            Some("Digital justering i Paragraf".into()),
        )?;
        let a = Attendee::whole_meeting;
        let mut attendees: Vec<Attendee> = members
            .iter()
            .map(|p| a(*p, AttendanceRole::Member))
            .collect();
        attendees.push(a(
            serving.0,
            AttendanceRole::ServingSubstitute {
                replaces: serving.1,
            },
        ));
        attendees.push(a(
            secretary,
            AttendanceRole::Other {
                title: Some("nämndsekreterare".into()),
            },
        ));
        cycle::set_attendance(dir, id, attendees)?;
        let numbers: Vec<u32> = minutes.paragraphs().iter().map(|p| p.number).collect();
        let body_name = "Socialnämnden";
        for (i, n) in numbers.iter().enumerate() {
            cycle::edit_paragraph(dir, id, *n, |p, att| {
                p.text =
                    "Förvaltningen har berett ärendet. Tjänsteskrivelse finns i ärendet.".into();
                p.decision = Some(Decision::Clauses {
                    intro: Some(format!("{body_name} beslutar")),
                    clauses: vec![
                        AttClause("godkänna förvaltningens redovisning".into()),
                        AttClause("lägga informationen till handlingarna".into()),
                    ],
                });
                p.documents = vec!["Tjänsteskrivelse".into()];
                p.dispatch = vec!["Socialförvaltningen".into(), "Akt".into()];
                if i == 0 {
                    p.tables.push(Table {
                        title: Some("Budgetuppföljning (tkr)".into()),
                        header: vec![
                            "Verksamhet".into(),
                            "Budget".into(),
                            "Utfall".into(),
                            "Avvikelse".into(),
                        ],
                        rows: vec![
                            TableRow {
                                label: Some("Äldreomsorg".into()),
                                values: vec![
                                    CellValue::Number(437_569.0),
                                    CellValue::Number(441_950.0),
                                    CellValue::Number(-4_381.0),
                                ],
                                children: vec![TableRow {
                                    label: Some("-varav hemtjänst".into()),
                                    values: vec![
                                        CellValue::Number(120_400.0),
                                        CellValue::Number(121_409.0),
                                        CellValue::Number(-1_009.0),
                                    ],
                                    children: vec![],
                                }],
                            },
                            TableRow {
                                label: Some("Individ- och familjeomsorg".into()),
                                values: vec![
                                    CellValue::Number(98_200.0),
                                    CellValue::Number(96_750.5),
                                    CellValue::Number(1_449.5),
                                ],
                                children: vec![],
                            },
                        ],
                    });
                }
                if i == 1 {
                    let ballots = att
                        .deciding_for(p.number)
                        .into_iter()
                        .enumerate()
                        .map(|(k, person)| Ballot {
                            person,
                            choice: if k % 3 == 2 { Choice::No } else { Choice::Yes },
                        })
                        .collect();
                    p.record_vote(
                        att,
                        "bifall till ordförandens förslag",
                        "avslag",
                        ballots,
                        Some(chair),
                        None,
                    )?;
                    p.reservations.push(Reservation {
                        by: members[3],
                        reasons: Some("Vi anser att rapporten borde ha återremitterats.".into()),
                    });
                }
                Ok(())
            })?;
        }
        if target == MeetingState::MinutesDrafted {
            continue;
        }
        let signed = (date + chrono::Duration::days(2)).min(today);
        let at = |h: u32| -> Result<chrono::DateTime<chrono::FixedOffset>> {
            let t = signed
                .and_hms_opt(h, 0, 0)
                .ok_or_else(|| anyhow::anyhow!("ogiltig tid"))?;
            crate::meeting::import::swedish_offset(signed)
                .from_local_datetime(&t)
                .single()
                .ok_or_else(|| anyhow::anyhow!("ogiltig tid"))
        };
        cycle::approve(
            dir,
            id,
            chair,
            SignerRole::Chair,
            vec![],
            &cycle::InAppApproval { now: at(9)? },
        )?;
        cycle::approve(
            dir,
            id,
            adjuster,
            SignerRole::Adjuster,
            vec![],
            &cycle::InAppApproval { now: at(10)? },
        )?;
        if target == MeetingState::Adjusted {
            continue;
        }
        cycle::post_minutes(
            dir,
            id,
            signed,
            "Socialförvaltningen, Storgatan 1, Demoby",
            signed,
        )?;
    }
    // The seed protocols, as a municipality migrating its archive would import them.
    let key = crate::keys::load_or_create(dir)?;
    for (name, text) in SEEDS {
        let protocol = paragraf_import::parse_protocol(text)?;
        crate::meeting::import::store_protocol(dir, &protocol, name, &key)?;
    }
    cycle::close_appeal_periods(dir, today)?;
    demo_delegation(dir)?;
    Ok(())
}

/// Seed 003's Verksamhetsrapport (of another municipality's nämnd, stored as the demo
/// Socialnämnden's), placed on the agenda of `meeting` before its notice goes out, so that
/// it is public in the demo.
fn demo_followup(
    dir: &DataDir,
    meeting: paragraf_core::ids::MeetingId,
    today: NaiveDate,
) -> Result<()> {
    let text = include_str!("../../../tests/fixtures/003_b47173c4bab9fc86.txt");
    let mut report = paragraf_import::parse_followup(text)?;
    crate::followup::add_checks(&mut report);
    let (f, _) = crate::followup::to_followup(&report, Some("Socialnämnden"), None)?;
    let period = f.period;
    dir.store.save_followup(&f, "seed 003")?;
    crate::followup::publish::place_on_agenda(
        dir,
        meeting,
        "Socialnämnden",
        &period,
        today,
        "demo",
    )?;
    Ok(())
}

/// Seed 002's delegationsordning, and its statistics for May 2024 as decisions.
fn demo_delegation(dir: &DataDir) -> Result<()> {
    let text = include_str!("../../../tests/fixtures/002_e41df9be8d1d79a6.txt");
    let doc = paragraf_import::parse_delegation(text)?;
    let (order, warnings) = crate::delegation::order_from_document(&doc);
    let import = crate::delegation::OrderImport {
        staleness: None,
        order,
        warnings,
        version: None,
        diff: None,
    };
    crate::delegation::store_order(dir, import, Some("seed 002"))?;
    let csv = include_bytes!("../../../tests/fixtures/delegation/decisions_002.csv");
    crate::delegation::import_decisions(dir, "decisions_002.csv", &csv[..])?;
    Ok(())
}

/// The register of ej verkställda beslut behind seed 004 §§ 14–15, moved forward in whole
/// months so that its December 2023 falls in the month before `today`: the demo's register
/// then looks like a live one (dates keep their order, so every rule still holds).
fn demo_register(dir: &DataDir, body: paragraf_core::ids::BodyId, today: NaiveDate) -> Result<()> {
    use chrono::{Datelike, Months};
    let csv = include_str!("../../../tests/fixtures/unenforced/register_004.csv");
    let months = (today.year() - 2024) * 12 + today.month0() as i32;
    let shift = |d: NaiveDate| {
        if months >= 0 {
            d.checked_add_months(Months::new(months.unsigned_abs()))
        } else {
            d.checked_sub_months(Months::new(months.unsigned_abs()))
        }
    };
    let moved: Vec<String> = csv
        .lines()
        .map(|line| {
            line.split(';')
                .map(|f| {
                    NaiveDate::parse_from_str(f, "%Y-%m-%d")
                        .ok()
                        .and_then(shift)
                        .map_or_else(|| f.to_string(), |d| d.to_string())
                })
                .collect::<Vec<_>>()
                .join(";")
        })
        .collect();
    let catalogue = crate::unenforced::load_catalogue(&dir.path)?;
    crate::unenforced::import_csv(
        dir,
        "demo",
        "ej-verkstallda-demo.csv",
        moved.join("\n").into_bytes(),
        &catalogue,
        Some(body),
    )?;
    Ok(())
}

/// The monthly statistics at the end of last month, placed with their tjänsteskrivelse on
/// the agenda of `meeting` before its notice goes out: what the public statistics show.
fn demo_unenforced(
    dir: &DataDir,
    meeting: paragraf_core::ids::MeetingId,
    today: NaiveDate,
) -> Result<()> {
    use chrono::Datelike;
    let date = today
        .with_day(1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(today);
    let catalogue = crate::unenforced::load_catalogue(&dir.path)?;
    let report = crate::unenforced::monthly_report(dir, "demo", &catalogue, date)?;
    let draft = crate::unenforced::draft(&report, "Socialnämnden", today);
    let doc = crate::unenforced::docs::memo_doc(
        &draft,
        &dir.config().municipality.name,
        "Socialnämnden",
        today,
        None,
        None,
    );
    let pdf = crate::unenforced::docs::pdf(&doc)?;
    crate::unenforced::docs::place_on_agenda(dir, meeting, &draft, &pdf, today, "demo")?;
    Ok(())
}

/// The seed protocols shipped with the binary for the demo.
pub const SEEDS: [(&str, &str); 3] = [
    (
        "Hagfors 2025-09-01 (seed 000)",
        include_str!("../../../tests/fixtures/000_cbbf2cbdf5794cd6.txt"),
    ),
    (
        "Strömsund 2024-02-21 (seed 001)",
        include_str!("../../../tests/fixtures/001_99c67a5cadad0a17.txt"),
    ),
    (
        "Vård- och omsorgsnämnden 2024-01-29 (seed 004)",
        include_str!("../../../tests/fixtures/004_781e15fbb2993ffb.txt"),
    ),
];

/// The demo's logins: (username, password, what they are). Created once per data directory.
pub fn accounts(dir: &DataDir) -> Result<Vec<(String, String, String)>> {
    use crate::accounts::Role;
    let store = dir.storage();
    let bodies: Vec<_> = store.bodies()?.into_iter().map(|b| b.id).collect();
    let person = |name: &str| -> Result<Option<paragraf_core::ids::PersonId>> {
        Ok(store
            .persons()?
            .into_iter()
            .find(|p| p.name == name)
            .map(|p| p.id))
    };
    let accounts = [
        ("admin", "Administratör", Role::Admin, None),
        (
            "sekreterare",
            "Linnea Moberg",
            Role::Secretary,
            Some("Linnea Moberg"),
        ),
        (
            "handlaggare",
            "Rebecka Hed",
            Role::CaseOfficer,
            Some("Rebecka Hed"),
        ),
        ("ordforande", "Karin Ek", Role::Member, Some("Karin Ek")),
        (
            "justerare",
            "Johan Björk",
            Role::Member,
            Some("Johan Björk"),
        ),
        (
            "ledamot",
            "Leila Haddad",
            Role::Member,
            Some("Leila Haddad"),
        ),
        (
            "ersattare",
            "Olof Granlund",
            Role::Member,
            Some("Olof Granlund"),
        ),
        ("forvaltningschef", "Helena Vik", Role::Director, None),
    ];
    let mut out = Vec::new();
    for (username, name, role, person_name) in accounts {
        let password = format!("{username}-demo");
        if store.user_by_name(username)?.is_none() {
            let p = person_name.map(person).transpose()?.flatten();
            crate::accounts::add_user(dir, username, name, &password, role, p, &bodies)?;
        }
        out.push((
            username.to_string(),
            password,
            format!("{name}, {}", role.swedish()),
        ));
    }
    Ok(out)
}
