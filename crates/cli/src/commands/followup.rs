//! `paragraf followup …`: verksamhetsuppföljning. The rules are in
//! `paragraf_core::followup`, the operations in `paragraf_app::followup` and
//! `paragraf_app::followup::docs`.

use anyhow::{Context, Result};
use paragraf_app::followup as ops;
use paragraf_app::followup::docs;
use paragraf_app::DataDir;
use paragraf_core::followup::{Direction, Period, Status, Trend};

use crate::args_followup::{DirectionArg, FollowupCommand, ImportArgs, IndicatorArgs, ReportArgs};
use crate::output;

fn period(s: &str) -> Result<Period> {
    s.parse().map_err(|e| anyhow::anyhow!("{e}"))
}

/// The name follow-up data is kept under: a body of the register (by id, name or short
/// name), else the text as given.
fn body_name(dir: &DataDir, key: &str) -> String {
    super::find_body(dir, key)
        .map(|b| b.value.name)
        .unwrap_or_else(|_| key.trim().to_string())
}

pub fn run(c: FollowupCommand) -> Result<()> {
    match c {
        FollowupCommand::Import(a) => import(&a),
        FollowupCommand::Report(a) => report(&a),
        FollowupCommand::Indicator(a) => indicator(&a),
    }
}

fn import(a: &ImportArgs) -> Result<()> {
    let p = a.period.as_deref().map(period).transpose()?;
    let dir = if a.dry_run {
        None
    } else {
        Some(DataDir::open(&a.data.dir)?)
    };
    let body = match (&dir, &a.body) {
        (Some(d), Some(b)) => Some(body_name(d, b)),
        (None, Some(b)) => Some(b.clone()),
        _ => None,
    };
    let o = ops::import_file(dir.as_ref(), &a.file, body.as_deref(), p.as_ref())?;
    if a.json.json {
        // A report prints as the report read (with its checks); other files as a summary.
        match &o.report {
            Some(r) => out!("{}", serde_json::to_string_pretty(r)?),
            None => out!("{}", serde_json::to_string_pretty(&o)?),
        }
        return Ok(());
    }
    let verb = if o.stored {
        "Inläst"
    } else {
        "Läst (inget sparat)"
    };
    let mut lines: Vec<String> = o.summary();
    // The first lines say what was read: prefixed with whether it was stored.
    let read = usize::from(o.report.is_some())
        + usize::from(o.finance.is_some())
        + usize::from(o.kpi_values > 0);
    for l in lines.iter_mut().take(read) {
        *l = format!("{verb}: {l}");
    }
    lines.extend(o.unplaced());
    out!("{}", lines.join("\n"));
    Ok(())
}

fn report(a: &ReportArgs) -> Result<()> {
    let dir = DataDir::open(&a.data.dir)?;
    let p = period(&a.period)?;
    let body = body_name(&dir, &a.body);
    let today = paragraf_app::clock::today();
    let w = docs::write_report(
        &dir,
        &body,
        &p,
        &dir.config().municipality.name,
        today,
        &a.out,
    )?;
    if let Some(m) = a.meeting {
        let actor = std::env::var("USER").unwrap_or_else(|_| "cli".into());
        let (case, item) = paragraf_app::meeting::agenda::place_report(
            &dir,
            paragraf_core::ids::MeetingId(m),
            &paragraf_app::meeting::agenda::AgendaReport::FollowUp { period: p },
            today,
            &actor,
        )?;
        eprintln!(
            "Ärendet {} ({}) ligger som punkt {} på föredragningslistan för sammanträde {m}.",
            case.dnr, case.title, item.position
        );
    }
    output::print(a.json.json, &w, || {
        let mut s = vec![
            format!("Verksamhetsrapport: {}", w.pdf.display()),
            format!("Siffror: {} och {}", w.csv.display(), w.json.display()),
        ];
        s.extend(w.charts.iter().map(|c| format!("Diagram: {}", c.display())));
        if let Some((j, p)) = &w.draft {
            s.push(format!(
                "Förslag till §: {} och {}",
                p.display(),
                j.display()
            ));
        }
        s.extend(w.checks.iter().cloned());
        s.join("\n")
    })
}

fn indicator(a: &IndicatorArgs) -> Result<()> {
    let dir = DataDir::open(&a.data.dir)?;
    let p = period(&a.period)?;
    let body = body_name(&dir, &a.body);
    let change = ops::IndicatorChange {
        kpi: a.kpi.clone(),
        direction: a.direction.map(|d| match d {
            DirectionArg::Hogre => Direction::HigherIsBetter,
            DirectionArg::Lagre => Direction::LowerIsBetter,
        }),
        tolerance: a.tolerance,
        target: a.target,
        status: a
            .status
            .as_deref()
            .map(|s| Status::parse(s).with_context(|| format!("okänd status ”{s}”")))
            .transpose()?,
        trend: a
            .trend
            .as_deref()
            .map(|s| Trend::parse(s).with_context(|| format!("okänd trend ”{s}”")))
            .transpose()?,
        reason: a.reason.clone(),
    };
    let i = ops::update_indicator(&dir, &body, &p, &a.name, &change)?;
    output::print(a.json.json, &i, || {
        format!(
            "{}: status {}, trend {}",
            i.name,
            i.effective_status().swedish(),
            i.effective_trend().map(|t| t.swedish()).unwrap_or("–")
        )
    })
}
