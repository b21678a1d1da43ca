//! Seed-like fixture documents shared by the tests and the benchmark
//! (the benchmark includes this file with `#[path]`).
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, NaiveTime};
use paragraf_render::doc::*;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid fixture date")
}

pub fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid fixture time")
}

/// Personnummer that appears in the secret § of the full version only.
pub const SECRET_PNR: &str = "19791231-2389";
/// A sentence of the secret §'s text (full version only).
pub const SECRET_TEXT: &str = "Ansökan om kontaktfamilj för barnet";

pub const SECRET_NOTICE: &str = "Ärendet omfattas av sekretess enligt 26 kap. 1 § offentlighets- och sekretesslagen (2009:400) och redovisas inte i den offentliga versionen.";

fn row(label: &str, v: [f64; 4]) -> TableRow {
    TableRow {
        label: label.into(),
        values: v.iter().map(|x| Cell::Number(*x)).collect(),
        children: vec![],
        total: false,
    }
}

fn row_with(label: &str, v: [f64; 4], children: Vec<TableRow>) -> TableRow {
    TableRow {
        children,
        ..row(label, v)
    }
}

/// The budget table of seed 000 § 115 (tusental kronor), with "-varav" rows and a negative value.
pub fn budget_table() -> Table {
    Table {
        title: Some("Ekonomiskt resultat".into()),
        header: vec![
            "Verksamheter, tusental kronor".into(),
            "Budget jan–juli".into(),
            "Redovisn. jan–juli".into(),
            "Årsbudget".into(),
            "Prognos helår".into(),
        ],
        rows: vec![
            row("Utskott", [291.0, 324.0, 497.0, 497.0]),
            row(
                "Gemensamt individ och omsorg",
                [7488.0, 7861.0, 12442.0, 12937.0],
            ),
            row(
                "Vård och omsorg i ordinärt boende",
                [62786.0, 59267.0, 111506.0, 111506.0],
            ),
            row(
                "Vård och omsorg i särskilt boende",
                [64550.0, 68795.0, 113011.0, 118822.0],
            ),
            row("Rehabverksamheten", [14190.0, 15039.0, 22850.0, 23860.0]),
            row("Bostadsanpassning", [504.0, 445.0, 900.0, 900.0]),
            row("Färdtjänst", [2465.0, 3103.0, 4210.0, 5160.0]),
            row("SSK och HSL", [14716.0, 15884.0, 25677.0, 26527.0]),
            row_with(
                "LSS och socialpsykiatri",
                [45263.0, 50121.0, 78678.0, 79251.0],
                vec![
                    row("personlig assistans", [17500.0, 22111.0, 29237.0, 28272.0]),
                    row("boende egen regi", [15415.0, 16242.0, 27665.0, 29315.0]),
                ],
            ),
            row("ESA", [5639.0, 3665.0, 8297.0, 8297.0]),
            row_with(
                "Individ och familjeomsorg",
                [30138.0, 29782.0, 53478.0, 53478.0],
                vec![
                    row("placering barn", [10474.0, 9971.0, 18710.0, 18710.0]),
                    row("placering vuxna", [1987.0, 2641.0, 3973.0, 3973.0]),
                    row("ekonomiskt bistånd", [6504.0, 6232.0, 11160.0, 11160.0]),
                ],
            ),
            row_with(
                "Integration",
                [665.0, 396.0, 825.0, 825.0],
                vec![
                    row("ensamkommande", [212.0, -206.0, 0.0, 0.0]),
                    row("flyktingmottagande", [453.0, 602.0, 825.0, 825.0]),
                ],
            ),
            row(
                "Projekt individ och omsorg",
                [3031.0, 1445.0, 5198.0, 2599.0],
            ),
            TableRow {
                total: true,
                ..row(
                    "Totalt individ och omsorgsutskott",
                    [251726.0, 256127.0, 437569.0, 444659.0],
                )
            },
        ],
        decimals: 0,
        note: Some("Avvikelse mot budget för perioden: −4,4 mkr.".into()),
    }
}

pub fn paragraph_114() -> Paragraph {
    Paragraph {
        number: 114,
        title: "Information från verksamheten".into(),
        text: "Socialchef Maria Persson informerar från verksamheten:\n\n\
               - Sommaren 2025 – bemanning mm\n\
               - Nuläget Individ- och familjeomsorg och framtida behov\n\
               - Rekrytering enhetschefer\n\
               - Systematiskt kvalitetsarbete\n\
               - Statsbidrag, ansökningar och beslut 2025"
            .into(),
        decision: Some(Decision::Text(
            "Individ- och omsorgsutskottet tackar för informationen.".into(),
        )),
        ..Default::default()
    }
}

pub fn paragraph_115() -> Paragraph {
    Paragraph {
        number: 115,
        title: "Verksamhets- och budgetuppföljning januari–juli 2025".into(),
        case_number: Some("KS/2025:26".into()),
        text: "Avdelningen ansvarar för att tillgodose kommunens medborgare som har behov av \
               stödinsatser, i form av arbetsmarknadsinsatser, beroendevård, budget- och \
               skuldrådgivning, ekonomiskt bistånd, hemsjukvård, LSS-verksamhet, \
               migrationsinsatser, omvårdnad, rehabilitering, social barn- och ungdomsvård, \
               socialpsykiatri samt övriga insatser utifrån LSS.\n\n\
               För perioden januari till juli redovisas ett resultat om −4,4 mkr i förhållande \
               till beslutad budget för avdelningen. I individ- och omsorgsavdelningens \
               budgetuppföljning prognostiseras en nettokostnad för verksamheten uppgående till \
               444,7 mkr vilket innebär −7,1 mkr mot budget."
            .into(),
        tables: vec![budget_table()],
        proposal: Some(
            "Individ- och omsorgsutskottet föreslår kommunstyrelsen att godkänna \
             verksamhets- och budgetuppföljningen."
                .into(),
        ),
        decision: Some(Decision::Clauses {
            intro: Some("Individ- och omsorgsutskottet föreslår kommunstyrelsen besluta".into()),
            clauses: vec![
                "godkänna verksamhets- och budgetuppföljningen januari–juli 2025, samt".into(),
                "att uppdra till förvaltningen att redovisa åtgärder inom ramen för delårsbokslutet."
                    .into(),
            ],
        }),
        documents: vec!["Socialchef Maria Perssons skrivelse".into()],
        dispatch: vec!["Maria Persson, socialchef".into(), "Kommunstyrelsen".into()],
        ..Default::default()
    }
}

/// The secret § as the full version shows it.
pub fn paragraph_secret_full() -> Paragraph {
    Paragraph {
        number: 118,
        title: "Ansökan om kontaktfamilj".into(),
        case_number: Some("IFO/2025:412".into()),
        text: format!(
            "{SECRET_TEXT} med personnummer {SECRET_PNR} har inkommit den 4 augusti 2025.\n\n\
             Utredningen visar att behov av insatsen föreligger."
        ),
        decision: Some(Decision::Clauses {
            intro: Some("Individ- och omsorgsutskottet beslutar".into()),
            clauses: vec!["bevilja kontaktfamilj enligt 4 kap. 1 § SoL.".into()],
        }),
        ..Default::default()
    }
}

/// The same § after the caller replaced it for the public version.
pub fn paragraph_secret_public() -> Paragraph {
    Paragraph {
        number: 118,
        title: "Ansökan om kontaktfamilj".into(),
        case_number: Some("IFO/2025:412".into()),
        secret_notice: Some(SECRET_NOTICE.into()),
        ..Default::default()
    }
}

pub fn paragraph_vote() -> Paragraph {
    let b = |name: &str, party: &str, choice: Choice| Ballot {
        name: name.into(),
        party: Some(party.into()),
        choice,
    };
    Paragraph {
        number: 119,
        title: "Riktlinjer för hemtjänstens avgifter 2026".into(),
        case_number: Some("KS/2025:198".into()),
        text: "Förvaltningen har tagit fram förslag till nya riktlinjer för avgifter inom hemtjänsten."
            .into(),
        motions: vec![
            Motion {
                by: "Ordförande Thony Liljemark (OR)".into(),
                text: "att utskottet ska föreslå kommunstyrelsen att anta riktlinjerna.".into(),
            },
            Motion {
                by: "Pernilla Boström (S)".into(),
                text: "att ärendet ska återremitteras för en konsekvensanalys.".into(),
            },
        ],
        propositions: Some(
            "Ordföranden ställer först proposition på om ärendet ska avgöras i dag eller \
             återremitteras och finner att utskottet beslutar att avgöra ärendet i dag. \
             Omröstning begärs."
                .into(),
        ),
        votes: vec![Vote {
            yes_means: "att avgöra ärendet i dag".into(),
            no_means: "att återremittera ärendet".into(),
            ballots: vec![
                b("Thony Liljemark", "OR", Choice::Yes),
                b("Pernilla Boström", "S", Choice::No),
                b("Camilla Hülphers", "OR", Choice::Abstain),
                b("Tomas Pettersson", "S", Choice::No),
                b("Eva Liljemark", "OR", Choice::Yes),
            ],
            yes: 2,
            no: 2,
            abstain: 1,
            result: "Med 2 ja-röster mot 2 nej-röster, 1 avstår, och ordförandens utslagsröst \
                     beslutar utskottet att avgöra ärendet i dag."
                .into(),
        }],
        decision: Some(Decision::Clauses {
            intro: Some("Individ- och omsorgsutskottet föreslår kommunstyrelsen besluta".into()),
            clauses: vec!["anta riktlinjer för hemtjänstens avgifter 2026.".into()],
        }),
        reservations: vec![Reservation {
            by: "Pernilla Boström (S) och Tomas Pettersson (S)".into(),
            reasons: Some("Vi reserverar oss till förmån för eget yrkande.".into()),
        }],
        conflicts: vec![Conflict {
            name: "Tommy Jansson (OR)".into(),
            ground: Some("delikatessjäv".into()),
        }],
        notes: vec![Note {
            by: "Tomas Pettersson (S)".into(),
            text: "Jag vill att avgifterna följs upp efter ett år.".into(),
        }],
        dispatch: vec!["Kommunstyrelsen".into()],
        immediately_adjusted: true,
        ..Default::default()
    }
}

pub fn paragraph_120() -> Paragraph {
    Paragraph {
        number: 120,
        title: "Anmälningsärenden".into(),
        case_number: Some("KS 2025:8".into()),
        documents: vec![
            "Dnr KS 2025:8, handling 3224 – Delegationslista Socialpsykiatri juni, juli 2025"
                .into(),
            "Dnr KS 2025:8, handling 3225 – Delegationslista SoL juni, juli".into(),
        ],
        decision: Some(Decision::Text(
            "Individ- och omsorgsutskottet godkänner redovisade anmälningsärenden.".into(),
        )),
        ..Default::default()
    }
}

fn attendee(name: &str, party: &str, role: Option<&str>) -> Attendee {
    Attendee {
        name: name.into(),
        party: Some(party.into()),
        role: role.map(Into::into),
        paragraphs: None,
    }
}

fn other(name: &str, title: &str, paragraphs: Option<&str>) -> OtherAttendee {
    OtherAttendee {
        name: name.into(),
        title: Some(title.into()),
        paragraphs: paragraphs.map(Into::into),
    }
}

fn approval(name: &str, role: &str, time: &str) -> Approval {
    Approval {
        name: name.into(),
        role: role.into(),
        time: DateTime::parse_from_rfc3339(time).expect("valid fixture time"),
        method: "Svensk e-legitimation".into(),
    }
}

/// Seed 000 (Hagfors, Individ- och omsorgsutskottet 2025-09-01), full version.
pub fn protocol_000() -> ProtocolDoc {
    ProtocolDoc {
        municipality: "Hagfors kommun".into(),
        body: "Individ- och omsorgsutskottet".into(),
        date: date(2025, 9, 1),
        start: time(13, 15),
        end: Some(time(17, 0)),
        place: "Sammanträdesrummet, stadshuset".into(),
        public: false,
        members: vec![
            attendee("Thony Liljemark", "OR", Some("ordförande")),
            attendee("Pernilla Boström", "S", None),
            attendee("Camilla Hülphers", "OR", None),
            attendee("Tomas Pettersson", "S", None),
            Attendee {
                paragraphs: Some("§§ 114–117, 119–120".into()),
                ..attendee(
                    "Eva Liljemark",
                    "OR",
                    Some("tjänstgörande ersättare för Annika Hagberg (OR)"),
                )
            },
        ],
        substitutes: vec![
            attendee("Niklas Dahlin", "S", None),
            attendee("Tommy Jansson", "OR", None),
        ],
        others: vec![
            other("Maria Persson", "socialchef", None),
            other("Carina Stålhandske", "gruppledare", Some("§§ 100–113")),
            other("Malin Hedberg Soini", "ekonom", Some("§§ 114–120")),
            other("Isa Nyberg", "verksamhetschef MAS", Some("§§ 116–117")),
            other("Pia Persson", "verksamhetschef", Some("§ 116")),
            other("Eva Pettersson", "sekreterare", None),
        ],
        adjusters: vec!["Pernilla Boström".into()],
        adjustment_place_time: "Digital signering 2025-09-03".into(),
        secretary: "Eva Pettersson".into(),
        chair: "Thony Liljemark".into(),
        paragraph_range: None,
        posting: PostingBox {
            body: "Individ- och omsorgsutskottet".into(),
            meeting_date: date(2025, 9, 1),
            posted: Some(date(2025, 9, 8)),
            removed: Some(date(2025, 9, 30)),
            storage: Some("Administrativa enheten".into()),
            signed_by: Some("Eva Pettersson".into()),
        },
        paragraphs: vec![
            paragraph_114(),
            paragraph_115(),
            paragraph_secret_full(),
            paragraph_vote(),
            paragraph_120(),
        ],
        approvals: vec![
            approval("Thony Liljemark", "ordförande", "2025-09-03T09:10:47+02:00"),
            approval("Pernilla Boström", "justerare", "2025-09-03T13:27:26+02:00"),
            approval("Eva Pettersson", "sekreterare", "2025-09-03T14:22:01+02:00"),
        ],
        seal: Some(Seal {
            sha256: "9f2c1e8a4b7d3f60c5a1e2d4b6f8091a3c5e7f9b1d2c4e6a8b0f1e3d5c7a9b2e".into(),
            fingerprint: "SHA256:4kq9X2mZ7vB1nR8tYw3pL6cH0dF5gJ2sA9eK7uQ1xVo".into(),
        }),
    }
}

/// The public version of [`protocol_000`]: the secret § replaced by its notice.
pub fn protocol_000_public() -> ProtocolDoc {
    let mut d = protocol_000();
    d.public = true;
    for p in &mut d.paragraphs {
        if p.number == 118 {
            *p = paragraph_secret_public();
        }
    }
    d
}

/// A protocol with `n` §§ starting at § 1, cycling through the seed-like §§ (tables,
/// votes, long texts), for layout checks and the benchmark.
pub fn protocol_many(n: u32) -> ProtocolDoc {
    let mut d = protocol_000();
    d.posting.posted = None;
    d.posting.removed = None;
    d.posting.signed_by = None;
    d.approvals.clear();
    d.seal = None;
    let long = "Ärendet har beretts av förvaltningen. Under perioden har verksamheten arbetat \
                med att följa upp beslutade åtgärder och att analysera kostnadsutvecklingen. \
                Sjukfrånvaron har minskat jämfört med samma period föregående år och \
                rekryteringen av sjuksköterskor har gett resultat.\n\n\
                Förvaltningen bedömer att åtgärderna ger effekt under hösten och föreslår att \
                uppföljningen redovisas vid nästa sammanträde.";
    d.paragraphs = (1..=n)
        .map(|i| {
            let mut p = match i % 5 {
                0 => paragraph_115(),
                1 => paragraph_114(),
                2 => paragraph_vote(),
                3 => paragraph_120(),
                _ => Paragraph {
                    title: "Uppföljning av internkontrollplan".into(),
                    case_number: Some(format!("KS/2025:{}", 100 + i)),
                    text: long.into(),
                    decision: Some(Decision::Clauses {
                        intro: Some("Utskottet beslutar".into()),
                        clauses: vec![
                            "godkänna informationen och lägga den till handlingarna, samt".into(),
                            "uppdra till förvaltningen att återkomma med en ny uppföljning.".into(),
                        ],
                    }),
                    dispatch: vec!["Förvaltningen".into()],
                    ..Default::default()
                },
            };
            p.number = i;
            p
        })
        .collect();
    d
}

/// Seed 002's kallelse (Socialnämnden 2024-04-26) with hålltider and föredragningslista.
pub fn notice_002() -> NoticeDoc {
    let slot = |s: (u32, u32), e: (u32, u32), topic: &str, who: &[&str]| TimeSlot {
        start: time(s.0, s.1),
        end: Some(time(e.0, e.1)),
        topic: topic.into(),
        presenters: who.iter().map(|w| (*w).into()).collect(),
    };
    let item = |n: u32, title: &str, dnr: Option<&str>, secret: bool| AgendaItem {
        number: n,
        title: title.into(),
        case_number: dnr.map(Into::into),
        presenter: None,
        secret,
    };
    NoticeDoc {
        municipality: "Mönsterås kommun".into(),
        body: "Socialnämnden".into(),
        date: date(2024, 4, 26),
        start: time(8, 15),
        end: Some(time(11, 0)),
        place: "Sessionssalen, Nämndhuset".into(),
        meeting_kind: "sammanträde".into(),
        time_slots: vec![
            slot(
                (8, 15),
                (8, 35),
                "Budgetuppföljning 2024",
                &["Marion Wiberg", "Anneli Lidén Halvarsson"],
            ),
            slot(
                (8, 35),
                (9, 5),
                "Redovisning Brukarundersökning – Funktionsstöd",
                &["Eva Forslöf", "Susanne Norlander"],
            ),
            slot((9, 45), (10, 0), "Fika", &[]),
            slot((10, 45), (11, 0), "Beslutsmöte", &[]),
        ],
        agenda: vec![
            item(1, "Val av justerare", None, false),
            item(2, "Godkännande av dagordning", None, false),
            item(3, "Informationsärenden 2024", Some("SN 2024/3"), false),
            item(4, "Budgetuppföljning 2024", Some("SN 2024/12"), false),
            item(
                5,
                "Ansvarsfrihet 2023 Socialnämnden – begäran om yttrande",
                Some("SN 2024/40"),
                false,
            ),
            item(
                6,
                "Överklagande av beslut om bistånd",
                Some("SN 2024/77"),
                true,
            ),
            item(
                7,
                "Anmälan av delegationsbeslut 2024",
                Some("SN 2024/5"),
                false,
            ),
        ],
        sender: Sender {
            chair: Some("Krister Mc Carthy".into()),
            secretary: Some("Lena Andersson".into()),
        },
        notes: vec!["Förhinder anmäls till nämndsekreteraren snarast.".into()],
    }
}

pub fn extract_115() -> ExtractDoc {
    ExtractDoc {
        municipality: "Hagfors kommun".into(),
        body: "Individ- och omsorgsutskottet".into(),
        date: date(2025, 9, 1),
        place: Some("Sammanträdesrummet, stadshuset".into()),
        chair: Some("Thony Liljemark".into()),
        adjusters: vec!["Pernilla Boström".into()],
        adjusted: Some(date(2025, 9, 3)),
        posted: Some(date(2025, 9, 8)),
        paragraph: paragraph_115(),
        certification: Certification {
            name: "Eva Pettersson".into(),
            title: Some("sekreterare".into()),
            date: date(2025, 9, 4),
        },
    }
}

pub fn posting_000() -> PostingDoc {
    PostingDoc {
        municipality: "Hagfors kommun".into(),
        body: "Individ- och omsorgsutskottet".into(),
        meeting_date: date(2025, 9, 1),
        adjusted_date: date(2025, 9, 3),
        posted_date: date(2025, 9, 8),
        removal_date: date(2025, 9, 30),
        appeal_ends: date(2025, 9, 29),
        storage: "Administrativa enheten".into(),
        paragraphs: "§§ 114–120".into(),
        court: Some("Förvaltningsrätten i Karlstad".into()),
        signed_by: Some("Eva Pettersson".into()),
    }
}
