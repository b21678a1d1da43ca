//! `paragraf search`: the public search index.

use anyhow::Result;
use paragraf_app::search::{PublicSearch, SearchQuery};
use paragraf_app::DataDir;

use crate::args::SearchCommand;
use crate::output;

pub fn run(c: SearchCommand) -> Result<()> {
    match c {
        SearchCommand::Reindex { data, json } => {
            let dir = DataDir::open(&data.dir)?;
            let r = paragraf_app::search::reindex(&dir)?;
            output::print(json.json, &r, || {
                format!(
                    "Sökindexet är ombyggt: {} protokoll, {} sökbara paragrafer.",
                    r.indexed, r.entries
                )
            })
        }
        SearchCommand::Query {
            data,
            text,
            body,
            year,
            limit,
            json,
        } => {
            let dir = DataDir::open(&data.dir)?;
            let q = SearchQuery {
                text,
                body,
                year,
                kind: None,
                access: None,
                exclude: Vec::new(),
                offset: 0,
                limit,
            };
            let found = paragraf_app::search::search_public(&dir, &q)?;
            output::print(json.json, &found, || match &found {
                PublicSearch::Case { url } => format!("Diarienumret leder till ärendet: {url}"),
                PublicSearch::Found(r) => {
                    let mut s = format!("{} träffar.", r.total);
                    for h in &r.hits {
                        let snippet: String = h
                            .snippet
                            .iter()
                            .map(|s| {
                                if s.hit {
                                    format!("[{}]", s.text)
                                } else {
                                    s.text.clone()
                                }
                            })
                            .collect();
                        s += &format!(
                            "\n\n{}, {}: {}\n  {}\n  {}",
                            h.body,
                            h.date,
                            h.title,
                            h.url,
                            snippet.replace('\n', " ")
                        );
                    }
                    s
                }
            })
        }
    }
}
