//! `paragraf demo`: a demo municipality with bodies, members, officials, cases and meetings,
//! so that a newcomer sees Paragraf with data at once. Every name is made up.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use paragraf_core::calendar::cycle_deadlines;
use paragraf_core::dnr::DnrPattern;
use paragraf_core::meeting::{AgendaItem, Meeting, ScheduleSlot};
use paragraf_core::org::{
    Body, BodyKind, Membership, MembershipRole, Official, Person, PresidiumPosition, TermOfOffice,
};
use paragraf_core::registry::{Direction, DocumentType, NewDocument, Secrecy};
use paragraf_store::{NewCase, Store};

use crate::args::DemoArgs;
use crate::output;
use paragraf_app::{Config, DataDir, MunicipalityConfig, RegistryConfig, CONFIG_FILE};

fn d(s: &str) -> NaiveDate {
    s.parse().expect("demo dates are valid")
}

/// The demo municipality's settings.
pub fn demo_config() -> Config {
    Config {
        municipality: MunicipalityConfig {
            name: "Demoby kommun".into(),
            org_nr: Some("212000-1884".into()),
        },
        registry: RegistryConfig {
            dnr_pattern: "{series} {year}-{seq:6}".into(),
            default_series: Some("SOC".into()),
        },
    }
}

/// Fills an empty store with the demo organisation, cases and meetings.
pub fn populate(store: &dyn Store, pattern: &DnrPattern) -> Result<()> {
    let kf = store.add_body(&Body::new(
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
    let _ = kf;
    let term = store.add_term(&TermOfOffice::new(d("2023-01-01"), d("2026-12-31"))?)?;

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
    let mut agenda = Vec::new();
    for (title, date, secrecy, first_doc) in [
        (
            "Verksamhets- och budgetuppföljning januari–oktober 2026",
            "2026-11-05",
            Secrecy::Public,
            memo("Tjänsteskrivelse budgetuppföljning", "2026-11-10")?,
        ),
        (
            "Rapport ej verkställda beslut kvartal 3 2026",
            "2026-10-20",
            Secrecy::Public,
            memo("Tjänsteskrivelse ej verkställda beslut", "2026-11-09")?,
        ),
        (
            "Revidering av delegationsordning",
            "2026-09-14",
            Secrecy::Public,
            memo("Förslag till reviderad delegationsordning", "2026-11-02")?,
        ),
        (
            "Svar på tillsyn från IVO om handläggning av orosanmälningar",
            "2026-10-02",
            Secrecy::Public,
            NewDocument::new(
                DocumentType::SupervisionDecision,
                "Beslut efter tillsyn",
                d("2026-10-02"),
                Direction::Incoming,
                Some("Inspektionen för vård och omsorg"),
            )?,
        ),
        (
            "Ansökan om vård enligt LVU",
            "2026-11-12",
            Secrecy::IndividualCase,
            memo("Utredning och förslag till beslut", "2026-11-12")?,
        ),
    ] {
        let (c, _) = store.create_case(pattern, &case(title, date, secrecy), &[first_doc])?;
        agenda.push(AgendaItem {
            position: agenda.len() as u32 + 1,
            title: c.title.clone(),
            case: Some(c.id),
            case_number: Some(c.dnr.to_string()),
            presenter: Some("Helena Vik, förvaltningschef".into()),
            secrecy: c.secrecy,
        });
    }
    let mut meeting = Meeting::planned(sn.id, d("2026-12-09"));
    meeting.start = Some("13:00".parse()?);
    meeting.end = Some("16:00".parse()?);
    meeting.place = Some("Sammanträdesrummet Tallen, kommunhuset".into());
    meeting.schedule = vec![
        ScheduleSlot {
            start: "13:00".parse()?,
            end: Some("13:30".parse()?),
            topic: "Budgetuppföljning".into(),
            presenters: vec!["Jonas Falk, ekonom".into()],
        },
        ScheduleSlot {
            start: "13:30".parse()?,
            end: Some("14:00".parse()?),
            topic: "Ej verkställda beslut".into(),
            presenters: vec!["Rebecka Hed, verksamhetschef".into()],
        },
    ];
    meeting.agenda = agenda;
    store.add_meeting(&meeting)?;
    for date in ["2027-01-27", "2027-02-24", "2027-03-24"] {
        let mut m = Meeting::planned(sn.id, d(date));
        m.start = Some("13:00".parse()?);
        m.place = Some("Sammanträdesrummet Tallen, kommunhuset".into());
        store.add_meeting(&m)?;
    }
    Ok(())
}

pub fn run(a: &DemoArgs) -> Result<()> {
    let dir = if a.data.dir.join(CONFIG_FILE).exists() {
        DataDir::open(&a.data.dir)?
    } else {
        DataDir::init(&a.data.dir, &demo_config())?
    };
    if dir.store.bodies()?.is_empty() {
        populate(&dir.store, &dir.pattern).context("kunde inte skapa demodata")?;
    }
    let bodies = dir.store.bodies()?;
    let persons = dir.store.persons()?;
    let memberships = dir.store.memberships(None)?;
    let cases = dir.store.cases()?;
    let meetings = dir.store.meetings()?;
    let value = serde_json::json!({
        "data": dir.path, "municipality": dir.config.municipality.name,
        "bodies": bodies, "persons": persons, "memberships": memberships,
        "cases": cases, "meetings": meetings,
    });
    output::print(a.json.json, &value, || {
        let name = |id| {
            persons
                .iter()
                .find(|p| p.id == id)
                .map_or("?", |p| p.name.as_str())
        };
        let mut s = format!(
            "{} — demodata i {}\n\nOrgan\n",
            dir.config.municipality.name,
            dir.path.display()
        );
        for b in &bodies {
            s += &format!("  {:>3}  {} ({})\n", b.id, b.name, b.kind.swedish());
        }
        if let Some(sn) = bodies.iter().find(|b| b.kind == BodyKind::Committee) {
            s += &format!("\nLedamöter och ersättare i {}\n", sn.name);
            for m in memberships.iter().filter(|m| m.body == sn.id) {
                let pos = m
                    .position
                    .map(|p| format!(", {}", p.swedish()))
                    .unwrap_or_default();
                s += &format!(
                    "  {} ({}), {}{pos}\n",
                    name(m.person),
                    m.party.as_deref().unwrap_or("–"),
                    m.role.swedish()
                );
            }
        }
        s += "\nÄrenden\n";
        for c in &cases {
            let secret = if c.secrecy.is_secret() {
                "  [sekretess, OSL 26 kap. 1 §]"
            } else {
                ""
            };
            s += &format!("  {:<16} {}{secret}\n", c.dnr.to_string(), c.title);
        }
        s += "\nSammanträden\n";
        for m in &meetings {
            let b = bodies
                .iter()
                .find(|b| b.id == m.body)
                .map_or("?", |b| b.name.as_str());
            let deadlines = cycle_deadlines(m.date, None, None)
                .map(|c| format!(", justering senast {}", c.adjustment_deadline))
                .unwrap_or_default();
            s += &format!(
                "  {}  {b}, {} punkter, {}{deadlines}\n",
                m.date,
                m.agenda.len(),
                m.state.swedish()
            );
        }
        s += "\nProva: paragraf case list --data DIR, paragraf deadlines --meeting 2026-12-09, paragraf dnr parse \"SOC 2026-000001\"";
        s
    })
}
