//! `paragraf dnr`: diarienummer.

use anyhow::Result;
use paragraf_core::dnr::{Dnr, DnrParts, DnrPattern};

use crate::args::DnrCommand;
use crate::output;

pub fn run(c: DnrCommand) -> Result<()> {
    match c {
        DnrCommand::Parse {
            text,
            pattern,
            json,
        } => {
            let dnr = match pattern {
                Some(p) => DnrPattern::new(&p)?.parse(&text)?,
                None => Dnr::parse(&text)?,
            };
            let parts = DnrParts::from(&dnr);
            output::print(json.json, &parts, || {
                format!(
                    "Diarienummer:       {}\nSerie:              {}\nÅr:                 {}\nLöpnummer:          {}\nKlassificeringskod: {}\nMönster:            {}",
                    parts.text,
                    parts.series.as_deref().unwrap_or("–"),
                    parts.year,
                    parts.sequence,
                    parts.class.as_deref().unwrap_or("–"),
                    parts.pattern
                )
            })
        }
    }
}
