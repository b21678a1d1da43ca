//! `paragraf meeting|minutes|verify|key`: the meeting cycle from the command line. Every
//! rule is in the core; the operations are in `paragraf_app::meeting::cycle`.

use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use paragraf_app::meeting::cycle;
use paragraf_app::{keys, DataDir};
use paragraf_core::ids::{MeetingId, PersonId};
use paragraf_core::meeting::{AttendanceRole, Attendee, Meeting, Presence, ScheduleSlot};
use paragraf_core::minutes::{AttClause, Ballot, Choice, Decision};

use super::{find_body, find_person};
use crate::args::{MeetingCommand, MeetingRef, MinutesCommand, VerifyArgs};
use crate::output;

fn open(r: &MeetingRef) -> Result<(DataDir, MeetingId)> {
    let dir = DataDir::open(&r.data.dir)?;
    let id = MeetingId(r.meeting);
    dir.meeting(id)?;
    Ok((dir, id))
}

fn person(store: &paragraf_app::DataDir, key: &str) -> Result<PersonId> {
    Ok(find_person(store, key)?.id)
}

/// "Name" or "Name@§§ 1-5".
fn with_presence(store: &paragraf_app::DataDir, spec: &str) -> Result<(PersonId, Presence)> {
    let (name, presence) = match spec.split_once('@') {
        Some((n, p)) => (n, Presence::parse(p)?),
        None => (spec, Presence::whole_meeting()),
    };
    Ok((person(store, name.trim())?, presence))
}

fn show(dir: &DataDir, id: MeetingId, json: bool) -> Result<()> {
    let m = dir.meeting(id)?;
    let minutes = dir.minutes(id)?;
    let value = serde_json::json!({ "id": id, "meeting": m.value, "minutes": minutes });
    output::print(json, &value, || {
        let body = dir.body_name(m.body);
        let mut s = format!(
            "Sammanträde {id}: {body} {} — {}\n",
            m.date,
            m.state().swedish()
        );
        for item in m.agenda() {
            s += &format!(
                "  {}. {} {}\n",
                item.position,
                item.title,
                item.case_number.as_deref().unwrap_or("")
            );
        }
        if let Some(min) = &minutes {
            for p in min.paragraphs() {
                let decision = p
                    .decision
                    .as_ref()
                    .map(|d| d.to_text())
                    .unwrap_or_else(|| "(inget beslut än)".into());
                s += &format!(
                    "  § {} {}\n     {}\n",
                    p.number,
                    p.title,
                    decision.replace('\n', "\n     ")
                );
            }
            if let Some(seal) = min.seal() {
                s += &format!(
                    "Justerat {} — sigill {}\n",
                    seal.sealed_at,
                    &seal.sha256[..16]
                );
            }
        }
        s
    })
}

pub fn meeting(c: MeetingCommand) -> Result<()> {
    match c {
        MeetingCommand::Add {
            data,
            body,
            date,
            start,
            end,
            place,
            json,
        } => {
            let dir = DataDir::open(&data.dir)?;
            let body = find_body(&dir, &body)?;
            let mut m = Meeting::planned(body.id, date);
            m.start = start;
            m.end = end;
            m.place = place;
            let rec = cycle::create_meeting(&dir, &m)?;
            output::print(json.json, &rec, || {
                format!(
                    "Sammanträde {} planerat: {} {}",
                    rec.id, body.name, rec.date
                )
            })
        }
        MeetingCommand::Show(r) => {
            let (dir, id) = open(&r)?;
            show(&dir, id, r.json.json)
        }
        MeetingCommand::Agenda {
            meeting,
            case,
            title,
            presenter,
        } => {
            let (dir, id) = open(&meeting)?;
            let item = match (case, title) {
                (Some(case), _) => cycle::add_agenda_case(&dir, id, &case, presenter)?,
                (None, Some(title)) => cycle::add_agenda_topic(
                    &dir,
                    id,
                    &title,
                    None,
                    paragraf_core::registry::Secrecy::Public,
                    presenter,
                )?,
                (None, None) => anyhow::bail!("ange --case eller --title"),
            };
            output::print(meeting.json.json, &item, || {
                format!("Punkt {}: {}", item.position, item.title)
            })
        }
        MeetingCommand::Slot {
            meeting,
            start,
            end,
            topic,
            presenter,
            offentlig,
        } => {
            let (dir, id) = open(&meeting)?;
            cycle::add_slot(
                &dir,
                id,
                ScheduleSlot {
                    start,
                    end,
                    topic,
                    presenters: presenter,
                    public: offentlig,
                },
            )?;
            show(&dir, id, meeting.json.json)
        }
        MeetingCommand::Edit {
            meeting,
            date,
            start,
            end,
            place,
        } => {
            let (dir, id) = open(&meeting)?;
            let m = dir.meeting(id)?.value;
            cycle::reschedule(
                &dir,
                id,
                date.unwrap_or(m.date),
                start.or(m.start),
                end.or(m.end),
                place.or(m.place),
            )?;
            show(&dir, id, meeting.json.json)
        }
        MeetingCommand::Notify(r) => {
            let (dir, id) = open(&r)?;
            for w in cycle::send_notice(&dir, id, paragraf_app::clock::today())? {
                eprintln!("varning: {}", w.0);
            }
            show(&dir, id, r.json.json)
        }
        MeetingCommand::Held(r) => {
            let (dir, id) = open(&r)?;
            cycle::mark_held(&dir, id, paragraf_app::clock::today())?;
            show(&dir, id, r.json.json)
        }
        MeetingCommand::Unheld(r) => {
            let (dir, id) = open(&r)?;
            cycle::unmark_held(&dir, id)?;
            show(&dir, id, r.json.json)
        }
        MeetingCommand::Withdraw(r) => {
            let (dir, id) = open(&r)?;
            cycle::withdraw_notice(&dir, id, paragraf_app::clock::today())?;
            show(&dir, id, r.json.json)
        }
        MeetingCommand::Supplement { meeting, case } => {
            let (dir, id) = open(&meeting)?;
            let (_, warnings) =
                cycle::add_supplement(&dir, id, &case, paragraf_app::clock::today())?;
            for w in warnings {
                eprintln!("varning: {}", w.0);
            }
            show(&dir, id, meeting.json.json)
        }
        MeetingCommand::Cancel { meeting, reason } => {
            let (dir, id) = open(&meeting)?;
            cycle::cancel(&dir, id, paragraf_app::clock::today(), &reason)?;
            show(&dir, id, meeting.json.json)
        }
        MeetingCommand::Plan {
            data,
            body,
            dates,
            place,
            json,
        } => {
            let dir = DataDir::open(&data.dir)?;
            let body = find_body(&dir, &body)?;
            let text = if dates.as_os_str() == "-" {
                std::io::read_to_string(std::io::stdin())?
            } else {
                std::fs::read_to_string(&dates)
                    .with_context(|| format!("kunde inte läsa {}", dates.display()))?
            };
            let made = cycle::plan_meetings(&dir, body.id, &text, place.as_deref())?;
            let list: Vec<_> = made
                .iter()
                .map(|m| serde_json::json!({ "id": m.id, "date": m.date, "start": m.start }))
                .collect();
            output::print(json.json, &list, || {
                made.iter()
                    .map(|m| format!("Sammanträde {}: {} {}", m.id, body.name, m.date))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
    }
}

pub fn minutes(c: MinutesCommand) -> Result<()> {
    match c {
        MinutesCommand::Draft {
            meeting,
            chair,
            adjusters,
            secretary,
            place,
        } => {
            let (dir, id) = open(&meeting)?;
            let s = &dir;
            let chair = person(s, &chair)?;
            let adjusters = adjusters
                .iter()
                .map(|a| person(s, a))
                .collect::<Result<Vec<_>>>()?;
            let secretary = secretary.map(|x| person(s, &x)).transpose()?;
            cycle::draft_minutes(s, id, secretary, Some(chair), adjusters, place)?;
            show(&dir, id, meeting.json.json)
        }
        MinutesCommand::Attend {
            meeting,
            member,
            serving,
            substitute,
            other,
        } => {
            let (dir, id) = open(&meeting)?;
            let s = &dir;
            let mut list = Vec::new();
            let mut push = |person, role, presence| {
                list.push(Attendee {
                    person,
                    role,
                    position: None,
                    party: None,
                    presence,
                });
            };
            for spec in &member {
                let (p, pr) = with_presence(s, spec)?;
                push(p, AttendanceRole::Member, pr);
            }
            for spec in &serving {
                let Some((sub, replaced)) = spec.split_once('=') else {
                    bail!("--serving ska skrivas ERSÄTTARE=LEDAMOT, fick ”{spec}”");
                };
                let (p, pr) = with_presence(s, sub)?;
                push(
                    p,
                    AttendanceRole::ServingSubstitute {
                        replaces: person(s, replaced.trim())?,
                    },
                    pr,
                );
            }
            for spec in &substitute {
                let (p, pr) = with_presence(s, spec)?;
                push(p, AttendanceRole::Substitute, pr);
            }
            for spec in &other {
                let (name, title) = match spec.split_once('=') {
                    Some((n, t)) => (n, Some(t.trim().to_string())),
                    None => (spec.as_str(), None),
                };
                let (p, pr) = with_presence(s, name)?;
                push(p, AttendanceRole::Other { title }, pr);
            }
            cycle::set_attendance(s, id, list)?;
            show(&dir, id, meeting.json.json)
        }
        MinutesCommand::Decide {
            at,
            intro,
            clauses,
            text,
            description,
            document,
            dispatch,
            disposition,
            presiding,
        } => {
            let (dir, id) = open(&at.meeting)?;
            let decision = match (text, clauses.is_empty()) {
                (Some(text), _) => Some(Decision::Text { text }),
                (None, false) => Some(Decision::Clauses {
                    intro,
                    clauses: clauses
                        .into_iter()
                        .map(|c| AttClause(c.trim_start_matches("att ").to_string()))
                        .collect(),
                }),
                (None, true) => None,
            };
            // Documents and dispatch given here are added to what the § has.
            let current = dir
                .minutes(id)?
                .and_then(|m| m.paragraph(at.paragraph).cloned());
            let extended = |had: Option<Vec<String>>, more: Vec<String>| {
                (!more.is_empty())
                    .then(|| had.unwrap_or_default().into_iter().chain(more).collect())
            };
            cycle::write_paragraph(
                &dir,
                id,
                at.paragraph,
                cycle::ParagraphText {
                    decision,
                    text: description,
                    documents: extended(current.as_ref().map(|p| p.documents.clone()), document),
                    dispatch: extended(current.as_ref().map(|p| p.dispatch.clone()), dispatch),
                    disposition: disposition.map(Some),
                    presiding: match presiding {
                        Some(name) => Some(Some(person(&dir, &name)?)),
                        None => None,
                    },
                    ..Default::default()
                },
            )?;
            show(&dir, id, at.meeting.json.json)
        }
        MinutesCommand::Vote {
            at,
            yes_means,
            no_means,
            yes,
            no,
            abstain,
            yes_motion,
            no_motion,
        } => {
            let (dir, id) = open(&at.meeting)?;
            let s = &dir;
            let motions = yes_motion.zip(no_motion);
            let mut ballots = Vec::new();
            for (names, choice) in [
                (&yes, Choice::Yes),
                (&no, Choice::No),
                (&abstain, Choice::Abstain),
            ] {
                for n in names {
                    ballots.push(Ballot {
                        person: person(s, n)?,
                        choice,
                    });
                }
            }
            let (r, carried) =
                cycle::record_vote(s, id, at.paragraph, &yes_means, &no_means, ballots, motions)?;
            output::print(at.meeting.json.json, &r, || {
                format!(
                    "§ {}: {} ja, {} nej, {} avstår — {carried}",
                    at.paragraph, r.yes, r.no, r.abstain
                )
            })
        }
        MinutesCommand::Reserve {
            at,
            person: who,
            reasons,
        } => {
            let (dir, id) = open(&at.meeting)?;
            let by = person(&dir, &who)?;
            cycle::add_reservation(&dir, id, at.paragraph, by, reasons)?;
            show(&dir, id, at.meeting.json.json)
        }
        MinutesCommand::Conflict {
            at,
            person: who,
            ground,
        } => {
            let (dir, id) = open(&at.meeting)?;
            let p_id = person(&dir, &who)?;
            cycle::record_conflict(&dir, id, at.paragraph, p_id, ground)?;
            show(&dir, id, at.meeting.json.json)
        }
        MinutesCommand::Motion {
            at,
            person: who,
            text,
            support,
        } => {
            let (dir, id) = open(&at.meeting)?;
            let by = person(&dir, &who)?;
            let supported_by = support
                .iter()
                .map(|w| person(&dir, w))
                .collect::<Result<Vec<_>>>()?;
            cycle::add_motion(&dir, id, at.paragraph, by, supported_by, &text)?;
            show(&dir, id, at.meeting.json.json)
        }
        MinutesCommand::Withdraw { at, motion } => {
            let (dir, id) = open(&at.meeting)?;
            cycle::withdraw_motion(&dir, id, at.paragraph, motion)?;
            show(&dir, id, at.meeting.json.json)
        }
        MinutesCommand::Propositions { at, order, carried } => {
            let (dir, id) = open(&at.meeting)?;
            cycle::set_propositions(&dir, id, at.paragraph, order, carried)?;
            show(&dir, id, at.meeting.json.json)
        }
        MinutesCommand::Note {
            at,
            person: who,
            text,
        } => {
            let (dir, id) = open(&at.meeting)?;
            let by = who
                .iter()
                .map(|w| person(&dir, w))
                .collect::<Result<Vec<_>>>()?;
            cycle::add_note(&dir, id, at.paragraph, by, &text)?;
            show(&dir, id, at.meeting.json.json)
        }
        MinutesCommand::Approve {
            meeting,
            person: who,
            role,
            paragraph,
            method,
            time,
        } => {
            let (dir, id) = open(&meeting)?;
            let signer = person(&dir, &who)?;
            let time = time.unwrap_or_else(paragraf_app::clock::now);
            let outcome = cycle::approve(
                &dir,
                id,
                signer,
                role,
                paragraph,
                &cycle::RecordedApproval {
                    method: method.clone(),
                    signed_at: time,
                    recording: cycle::Recording {
                        now: paragraf_app::clock::now(),
                        by: operator(),
                        // The command line records a signer's approval; it is not the signer's
                        // own login, so who recorded it is kept.
                        on_behalf: true,
                    },
                },
            )?;
            output::print(meeting.json.json, &outcome, || match &outcome {
                paragraf_core::minutes::ApprovalOutcome::Sealed => {
                    "Protokollet är justerat och förseglat.".into()
                }
                paragraf_core::minutes::ApprovalOutcome::ParagraphsAdjusted { paragraphs } => {
                    format!("Omedelbart justerade: §§ {paragraphs:?}")
                }
                paragraf_core::minutes::ApprovalOutcome::Recorded { remaining } => {
                    format!(
                        "Godkännandet är registrerat; kvar att godkänna: {} person(er)",
                        remaining.len()
                    )
                }
            })
        }
        MinutesCommand::Post {
            meeting,
            date,
            storage,
            paragraph,
        } => {
            let (dir, id) = open(&meeting)?;
            let today = paragraf_app::clock::today();
            let date = date.unwrap_or(today);
            let warnings = match paragraph {
                Some(n) => cycle::post_paragraph(&dir, id, n, date, &storage, today)?,
                None => cycle::post_minutes(&dir, id, date, &storage, today)?,
            };
            for w in &warnings {
                eprintln!("varning: {}", w.0);
            }
            let m = dir.meeting(id)?.value;
            let notice = match paragraph {
                Some(n) => m
                    .paragraph_postings()
                    .iter()
                    .find(|p| p.number == n)
                    .map(|p| p.posting.clone()),
                None => m.posting().cloned(),
            };
            output::print(
                meeting.json.json,
                &serde_json::json!({ "notice": notice, "warnings": warnings }),
                || {
                    notice
                        .as_ref()
                        .map(|n| {
                            format!(
                            "Anslaget uppsatt {}; sista dag för överklagande {}; får tas ned {}",
                            n.posted,
                            n.appeal_ends.map(|d| d.to_string()).unwrap_or_default(),
                            n.removed.map(|d| d.to_string()).unwrap_or_default()
                        )
                        })
                        .unwrap_or_default()
                },
            )
        }
    }
}

pub fn verify(a: &VerifyArgs) -> Result<ExitCode> {
    let json_out = a.json.as_ref().is_some_and(|p| p.as_os_str().is_empty());
    let json_in = a.json.as_ref().filter(|p| !p.as_os_str().is_empty());
    let code = |ok: bool| {
        if ok {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    };
    if let Some(file) = &a.file {
        let bytes =
            std::fs::read(file).with_context(|| format!("kunde inte läsa {}", file.display()))?;
        let report = paragraf_app::signing::verify_file(&bytes)
            .with_context(|| format!("{}: ingen läsbar PDF", file.display()))?;
        output::print(json_out, &report, || {
            paragraf_app::signing::describe_file(&report).join("\n")
        })?;
        return Ok(code(report.ok));
    }
    if let Some(file) = json_in {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("kunde inte läsa {}", file.display()))?;
        let answer: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
            anyhow::anyhow!(
                "{}, rad {}: ingen giltig JSON: {e}",
                file.display(),
                e.line()
            )
        })?;
        let keys = match &a.keys {
            Some(k) => {
                let text = std::fs::read_to_string(k)
                    .with_context(|| format!("kunde inte läsa {}", k.display()))?;
                Some(
                    serde_json::from_str::<Vec<keys::PublishedKey>>(&text).map_err(|e| {
                        anyhow::anyhow!(
                            "{}, rad {}: ingen nyckellista (svaret från /api/v1/keys): {e}",
                            k.display(),
                            e.line()
                        )
                    })?,
                )
            }
            None => None,
        };
        let report = paragraf_app::signing::verify_public(&answer, keys.as_deref());
        let mut lines = paragraf_app::signing::describe_public(&report);
        if keys.is_none() {
            lines.push(
                "Obs: nyckeln är inte prövad mot kommunens nyckellista (ange --keys med svaret från /api/v1/keys)."
                    .into(),
            );
        }
        if json_out {
            output::print(true, &report, String::new)?;
        } else {
            out!("{}", lines.join("\n"));
        }
        return Ok(code(report.ok));
    }
    let Some(meeting) = a.meeting else {
        bail!("ange --meeting N (i datakatalogen), --file PDF eller --json FIL");
    };
    let (dir, id) = open(&MeetingRef {
        data: a.data.clone(),
        meeting,
        json: crate::args::JsonArg { json: json_out },
    })?;
    let report = cycle::verify(&dir, id)?;
    output::print(json_out, &report, || {
        if report.ok() {
            "Protokollet stämmer med sitt sigill.".into()
        } else {
            let mut s = String::from("Protokollet stämmer INTE med sitt sigill:\n");
            if !report.sealed_text_intact {
                s += "  den förseglade texten har ändrats\n";
            }
            if !report.signature_valid {
                s += "  signaturen är ogiltig\n";
            }
            if !report.key_matches {
                s += "  sigillet är inte gjort med en publicerad nyckel som gällde då\n";
            }
            for d in &report.differences {
                s += &format!("  skiljer sig: {d}\n");
            }
            s
        }
    })?;
    Ok(code(report.ok()))
}

pub fn render(r: &MeetingRef, out: &std::path::Path) -> Result<()> {
    let (dir, id) = open(r)?;
    let written =
        paragraf_app::meeting::documents::render_all(&dir, id, out, paragraf_app::clock::today())?;
    let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    output::print(r.json.json, &names, || names.join("\n"))
}

pub fn key(dir: &DataDir, action: Option<&str>, json: bool) -> Result<()> {
    let list = match action {
        Some("rotate") => keys::rotate(dir)?,
        _ => {
            keys::load_or_create(dir)?;
            keys::list(&dir.path)?
        }
    };
    output::print(json, &list, || {
        let when = |t: Option<chrono::DateTime<chrono::FixedOffset>>| {
            t.map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        };
        list.iter()
            .map(|k| {
                format!(
                    "{}\n  fingeravtryck: {}\n  {}",
                    k.public_key,
                    k.fingerprint,
                    match (when(k.valid_from), when(k.valid_until)) {
                        (_, Some(u)) => format!("avslutad {u}: håller för sigill gjorda före dess"),
                        (Some(f), None) => format!("i bruk sedan {f}"),
                        (None, None) => "i bruk".to_string(),
                    }
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// Who records at the command line: the operating system's user.
fn operator() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "okänd".into());
    format!("kommandoraden ({user})")
}
