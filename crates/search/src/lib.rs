//! Sök: Swedish full-text search over what a reader may read, with
//! [tantivy](https://docs.rs/tantivy).
//!
//! The index knows nothing of meetings, secrecy or access: the application gives it
//! [`Entry`]s — already decided readable, already masked — grouped (one group per protocol,
//! one per case) so that a group is replaced whole in one commit. Which groups the index
//! holds, and the fingerprint of what each was built from, is kept in the commit itself, so
//! a later sync sees at once what has changed.
//!
//! Words are lower-cased and stemmed with the Swedish Snowball stemmer. A query word of four
//! letters or more also finds the words it begins ("hemtjänst" finds "hemtjänstinsatser",
//! "sjukfrånvaro" finds "sjukfrånvaron"): Swedish compounds put their head word first, so
//! this finds a compound by its first part and every inflected form. Every word of a query
//! must be found (in the title or the text); facets narrow by body, year and kind.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, TermQuery};
use tantivy::schema::{
    Facet, FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value,
    STORED, STRING,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};
use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// The name of the Swedish analyser in the index.
const SWEDISH: &str = "sv";
/// The index's format; a new one is built beside an old one (`reindex`).
pub const FORMAT: &str = "v2";
/// How many words one query word may stand for through its beginning.
const MAX_EXPANSIONS: usize = 64;
/// Query words shorter than this match only themselves (stemmed).
const MIN_PREFIX: usize = 4;

/// Errors of the search index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index on disk cannot be opened, read or written.
    #[error("sökindexet: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The index directory cannot be made.
    #[error("sökindexets katalog: {0}")]
    Io(#[from] std::io::Error),
    /// Another process writes the index and did not finish in time.
    #[error(
        "sökindexet skrivs av en annan process; försök igen eller kör `paragraf search reindex`"
    )]
    Busy,
    /// A query without access tokens was put to an index whose entries are not all for
    /// everyone (see [`SearchIndex::restricted`]).
    #[error("sökindexet är inte öppet för alla: sökningen måste ange vem som söker")]
    NoAccess,
}

/// Result of the index's operations.
pub type Result<T> = std::result::Result<T, SearchError>;

/// One thing that can be found: a § of a protocol, a case, an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Unique key, e.g. `p/12/14` (§ 14 of meeting 12).
    pub key: String,
    /// The group it is replaced with, e.g. `m/12` (meeting 12's protocol).
    pub group: String,
    /// Kind, for the facet: `paragraf`, `arende` …
    pub kind: String,
    /// The body's name, for the facet.
    pub body: String,
    /// The year, for the facet.
    pub year: i32,
    /// The date shown with the hit (ISO).
    pub date: String,
    /// Title shown as the hit's link.
    pub title: String,
    /// The text searched and cut into the snippet.
    pub text: String,
    /// Where the hit leads.
    pub url: String,
    /// Diarienummer, when the entry concerns a case.
    pub dnr: Option<String>,
    /// The case's year and running number ("2023-189"), by which [`SearchIndex::in_case`]
    /// finds every entry of a case whatever the spelling of its number.
    pub case_key: Option<String>,
    /// Who may find it: tokens a [`Query::access`] must name one of (an index of what the
    /// public may read needs none).
    #[serde(default)]
    pub access: Vec<String>,
}

/// A search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// What was typed.
    pub text: String,
    /// Only this body.
    pub body: Option<String>,
    /// Only this year.
    pub year: Option<i32>,
    /// Only this kind.
    pub kind: Option<String>,
    /// Only entries with one of these [`Entry::access`] tokens (`None`: no limit; empty:
    /// nothing is found).
    pub access: Option<Vec<String>>,
    /// Never entries with one of these access tokens.
    pub exclude: Vec<String>,
    /// Hits to skip (paging).
    pub offset: usize,
    /// Hits to give.
    pub limit: usize,
}

/// A piece of a snippet: found words are `hit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// Whether it is a found word.
    pub hit: bool,
}

/// One hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The entry's key.
    pub key: String,
    /// The entry's group.
    pub group: String,
    /// Kind.
    pub kind: String,
    /// Body.
    pub body: String,
    /// Date.
    pub date: String,
    /// Title.
    pub title: String,
    /// The title with the found words marked.
    pub title_marked: Vec<Segment>,
    /// Where it leads.
    pub url: String,
    /// Diarienummer.
    pub dnr: Option<String>,
    /// The text around the found words.
    pub snippet: Vec<Segment>,
    /// Relevance.
    pub score: f32,
}

/// Counts per value of a facet, most first.
pub type FacetCounts = Vec<(String, u64)>;

/// What a search found.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Results {
    /// How many entries match in all.
    pub total: usize,
    /// The hits of the page asked for.
    pub hits: Vec<Hit>,
    /// Matches per body.
    pub bodies: FacetCounts,
    /// Matches per year, newest first.
    pub years: FacetCounts,
    /// Matches per kind.
    pub kinds: FacetCounts,
}

impl Results {
    /// Keeps only the hits `keep` accepts; the total and the facet counts lose what was
    /// dropped, so that no count tells of a hit the searcher may not see.
    pub fn retain(&mut self, mut keep: impl FnMut(&Hit) -> bool) {
        let hits = std::mem::take(&mut self.hits);
        for h in hits {
            if keep(&h) {
                self.hits.push(h);
                continue;
            }
            self.total = self.total.saturating_sub(1);
            let year = h.date.get(..4).unwrap_or_default();
            for (counts, value) in [
                (&mut self.bodies, h.body.as_str()),
                (&mut self.years, year),
                (&mut self.kinds, h.kind.as_str()),
            ] {
                if let Some(c) = counts.iter_mut().find(|(v, _)| v == value) {
                    c.1 = c.1.saturating_sub(1);
                }
                counts.retain(|(_, n)| *n > 0);
            }
        }
    }
}

#[derive(Clone, Copy)]
struct Fields {
    key: Field,
    group: Field,
    kind: Field,
    body: Field,
    date: Field,
    title: Field,
    text: Field,
    url: Field,
    dnr: Field,
    case: Field,
    access: Field,
    facets: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let swedish = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(SWEDISH)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = Fields {
        key: b.add_text_field("key", STRING | STORED),
        group: b.add_text_field("group", STRING | STORED),
        kind: b.add_text_field("kind", STORED),
        body: b.add_text_field("body", STORED),
        date: b.add_text_field("date", STORED),
        title: b.add_text_field("title", swedish.clone()),
        text: b.add_text_field("text", swedish),
        url: b.add_text_field("url", STORED),
        dnr: b.add_text_field("dnr", STORED),
        case: b.add_text_field("case", STRING),
        access: b.add_text_field("access", STRING),
        facets: b.add_facet_field("facets", FacetOptions::default()),
    };
    (b.build(), fields)
}

/// The Swedish analyser: words split on what is not a letter or digit, lower-cased and
/// stemmed.
pub fn swedish_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::Swedish))
        .build()
}

/// A search index (sökindex).
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// One writer at a time within this process.
    writing: Mutex<()>,
    /// Whether every query must name its access tokens ([`Query::access`]).
    restricted: bool,
}

/// A change to the index: group `group` now holds `entries` (none: it is removed) and was
/// built from what has `fingerprint`.
#[derive(Debug, Clone)]
pub struct GroupChange {
    /// The group.
    pub group: String,
    /// What it was built from (`None` when removed).
    pub fingerprint: Option<String>,
    /// Its entries.
    pub entries: Vec<Entry>,
}

impl SearchIndex {
    /// Opens the index in `dir` (format [`FORMAT`] below it), creating it when absent.
    pub fn open(dir: &Path) -> Result<Self> {
        let path = dir.join(FORMAT);
        std::fs::create_dir_all(&path)?;
        let (schema, fields) = schema();
        let directory = tantivy::directory::MmapDirectory::open(&path)
            .map_err(|e| SearchError::Index(e.into()))?;
        let index = Index::open_or_create(directory, schema)?;
        Self::with_index(index, fields)
    }

    /// An index in memory (tests, benchmarks).
    pub fn in_ram() -> Result<Self> {
        let (schema, fields) = schema();
        Self::with_index(Index::create_in_ram(schema), fields)
    }

    fn with_index(index: Index, fields: Fields) -> Result<Self> {
        index.tokenizers().register(SWEDISH, swedish_analyzer());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            writing: Mutex::new(()),
            restricted: false,
        })
    }

    /// The same index, refusing every query that does not name its access tokens
    /// ([`SearchError::NoAccess`]): for an index whose entries are not all for everyone, so
    /// that a forgotten [`Query::access`] finds nothing instead of everything.
    pub fn restricted(mut self) -> Self {
        self.restricted = true;
        self
    }

    /// The groups the index holds, with the fingerprint each was built from.
    pub fn groups(&self) -> Result<BTreeMap<String, String>> {
        let metas = self.index.load_metas()?;
        Ok(metas
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok())
            .unwrap_or_default())
    }

    /// How many entries the index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether the index holds nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn writer(&self) -> Result<IndexWriter> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            match self.index.writer_with_num_threads(1, 50_000_000) {
                Ok(w) => return Ok(w),
                Err(tantivy::TantivyError::LockFailure(..)) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(tantivy::TantivyError::LockFailure(..)) => return Err(SearchError::Busy),
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Applies `changes` in one commit: each group's old entries go, its new ones come.
    /// With `all`, every group not among the changes goes too (a rebuild).
    pub fn apply(&self, changes: &[GroupChange], all: bool) -> Result<()> {
        let _guard = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        let mut writer = self.writer()?;
        let mut groups = if all {
            writer.delete_all_documents()?;
            BTreeMap::new()
        } else {
            self.groups()?
        };
        for change in changes {
            writer.delete_term(Term::from_field_text(self.fields.group, &change.group));
            groups.remove(&change.group);
            if let Some(f) = &change.fingerprint {
                groups.insert(change.group.clone(), f.clone());
            }
            for e in &change.entries {
                writer.add_document(self.document(e))?;
            }
        }
        let payload = serde_json::to_string(&groups).unwrap_or_default();
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        Ok(())
    }

    fn document(&self, e: &Entry) -> TantivyDocument {
        let f = &self.fields;
        let mut d = doc!(
            f.key => e.key.as_str(),
            f.group => e.group.as_str(),
            f.kind => e.kind.as_str(),
            f.body => e.body.as_str(),
            f.date => e.date.as_str(),
            f.title => e.title.as_str(),
            f.text => e.text.as_str(),
            f.url => e.url.as_str(),
        );
        if let Some(dnr) = &e.dnr {
            d.add_text(f.dnr, dnr);
        }
        if let Some(key) = &e.case_key {
            d.add_text(f.case, key);
        }
        for a in &e.access {
            d.add_text(f.access, a);
        }
        d.add_facet(f.facets, facet("organ", &e.body));
        d.add_facet(f.facets, facet("ar", &e.year.to_string()));
        d.add_facet(f.facets, facet("typ", &e.kind));
        d
    }

    /// The terms of the query's words, each word with the indexed words it begins.
    fn word_terms(&self, text: &str) -> Result<Vec<Vec<(String, bool)>>> {
        let mut analyzer = swedish_analyzer();
        let mut words: Vec<String> = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token().text.clone();
            if !words.contains(&t) {
                words.push(t);
            }
        }
        let searcher = self.reader.searcher();
        let mut out = Vec::new();
        for w in words {
            let mut terms: BTreeSet<String> = BTreeSet::new();
            if w.chars().count() >= MIN_PREFIX {
                let mut upper = w.clone().into_bytes();
                upper.push(0xff);
                'segments: for segment in searcher.segment_readers() {
                    for field in [self.fields.title, self.fields.text] {
                        let inverted = segment.inverted_index(field)?;
                        let mut stream =
                            inverted.terms().range().ge(&w).lt(&upper).into_stream()?;
                        while stream.advance() {
                            if terms.len() >= MAX_EXPANSIONS {
                                break 'segments;
                            }
                            if let Ok(s) = std::str::from_utf8(stream.key()) {
                                if s != w {
                                    terms.insert(s.to_string());
                                }
                            }
                        }
                    }
                }
            }
            let mut word = vec![(w, true)];
            word.extend(terms.into_iter().map(|t| (t, false)));
            out.push(word);
        }
        Ok(out)
    }

    /// Searches: every word must be found; the filters narrow.
    pub fn search(&self, q: &Query) -> Result<Results> {
        if self.restricted && q.access.is_none() {
            return Err(SearchError::NoAccess);
        }
        let words = self.word_terms(&q.text)?;
        if words.is_empty() || q.access.as_ref().is_some_and(Vec::is_empty) {
            return Ok(Results::default());
        }
        let f = self.fields;
        let mut must: Vec<(Occur, Box<dyn tantivy::query::Query>)> = Vec::new();
        for word in &words {
            let mut should: Vec<(Occur, Box<dyn tantivy::query::Query>)> = Vec::new();
            for (term, exact) in word {
                for (field, boost) in [(f.title, 2.0), (f.text, 1.0)] {
                    let tq = TermQuery::new(
                        Term::from_field_text(field, term),
                        IndexRecordOption::WithFreqs,
                    );
                    let boost = if *exact { boost } else { boost * 0.5 };
                    should.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(tq), boost)),
                    ));
                }
            }
            must.push((Occur::Must, Box::new(BooleanQuery::new(should))));
        }
        let filters = [
            q.body.as_ref().map(|b| facet("organ", b)),
            q.year.map(|y| facet("ar", &y.to_string())),
            q.kind.as_ref().map(|k| facet("typ", k)),
        ];
        let matching = BooleanQuery::new(must);
        let mut filtered: Vec<(Occur, Box<dyn tantivy::query::Query>)> =
            vec![(Occur::Must, Box::new(matching.clone()))];
        for facet in filters.into_iter().flatten() {
            filtered.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_facet(f.facets, &facet),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        let token = |t: &String| -> Box<dyn tantivy::query::Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(f.access, t),
                IndexRecordOption::Basic,
            ))
        };
        if let Some(tokens) = &q.access {
            let any: Vec<(Occur, Box<dyn tantivy::query::Query>)> =
                tokens.iter().map(|t| (Occur::Should, token(t))).collect();
            filtered.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        for t in &q.exclude {
            filtered.push((Occur::MustNot, token(t)));
        }
        let query = BooleanQuery::new(filtered);
        let searcher = self.reader.searcher();
        let mut facets = FacetCollector::for_field("facets");
        facets.add_facet("/organ");
        facets.add_facet("/ar");
        facets.add_facet("/typ");
        let limit = q.limit.clamp(1, 200);
        let (top, total, counts) = searcher.search(
            &query,
            &(
                TopDocs::with_limit(limit)
                    .and_offset(q.offset)
                    .order_by_score(),
                Count,
                facets,
            ),
        )?;
        let mut snippets = SnippetGenerator::create(&searcher, &matching, f.text)?;
        snippets.set_max_num_chars(240);
        let mut titles = SnippetGenerator::create(&searcher, &matching, f.title)?;
        titles.set_max_num_chars(10_000);
        let hits = self.hits(&searcher, top, Some((&snippets, &titles)))?;
        let count = |root: &str| -> FacetCounts {
            counts
                .get(root)
                .map(|(facet, n)| (facet_value(facet), n))
                .collect()
        };
        let mut bodies = count("/organ");
        bodies.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut years = count("/ar");
        years.sort_by(|a, b| b.0.cmp(&a.0));
        let mut kinds = count("/typ");
        kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(Results {
            total,
            hits,
            bodies,
            years,
            kinds,
        })
    }

    /// Every entry of the case with `key` ([`Entry::case_key`]), oldest first; refused by
    /// a [restricted](SearchIndex::restricted) index.
    pub fn in_case(&self, key: &str) -> Result<Vec<Hit>> {
        if self.restricted {
            return Err(SearchError::NoAccess);
        }
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.case, key),
            IndexRecordOption::Basic,
        );
        let top = searcher.search(&query, &TopDocs::with_limit(1000).order_by_score())?;
        let mut hits = self.hits(&searcher, top, None)?;
        hits.sort_by(|a, b| a.date.cmp(&b.date).then(a.key.cmp(&b.key)));
        Ok(hits)
    }

    fn hits(
        &self,
        searcher: &tantivy::Searcher,
        top: Vec<(f32, tantivy::DocAddress)>,
        snippets: Option<(&SnippetGenerator, &SnippetGenerator)>,
    ) -> Result<Vec<Hit>> {
        let f = self.fields;
        let mut hits = Vec::new();
        for (score, address) in top {
            let d: TantivyDocument = searcher.doc(address)?;
            let get = |field: Field| {
                d.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            let text = get(f.text);
            let title = get(f.title);
            let (snippet, title_marked) = match snippets {
                Some((g, t)) => (
                    segments(&text, &g.snippet(&text)),
                    marked_whole(&title, &t.snippet(&title)),
                ),
                None => {
                    let none = tantivy::snippet::Snippet::empty();
                    (segments(&text, &none), segments(&title, &none))
                }
            };
            hits.push(Hit {
                key: get(f.key),
                group: get(f.group),
                kind: get(f.kind),
                body: get(f.body),
                date: get(f.date),
                title,
                title_marked,
                url: get(f.url),
                dnr: Some(get(f.dnr)).filter(|s| !s.is_empty()),
                snippet,
                score,
            });
        }
        Ok(hits)
    }
}

fn facet(root: &str, value: &str) -> Facet {
    Facet::from_path([root, value])
}

fn facet_value(f: &Facet) -> String {
    f.to_path()
        .last()
        .map(|s| s.to_string())
        .unwrap_or_default()
}

/// The whole of `text` (a title) with the found words of `snippet` marked.
fn marked_whole(text: &str, snippet: &tantivy::snippet::Snippet) -> Vec<Segment> {
    let start = snippet.fragment_range().start;
    let mut out = Vec::new();
    let mut at = 0;
    for r in snippet.highlighted() {
        let (from, to) = (start + r.start, start + r.end);
        let (Some(before), Some(word)) = (text.get(at..from), text.get(from..to)) else {
            break;
        };
        if !before.is_empty() {
            out.push(Segment {
                text: before.to_string(),
                hit: false,
            });
        }
        out.push(Segment {
            text: word.to_string(),
            hit: true,
        });
        at = to;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        out.push(Segment {
            text: rest.to_string(),
            hit: false,
        });
    }
    out
}

/// The snippet cut into plain and found pieces; the start of the text when nothing was
/// highlighted (a hit in the title).
fn segments(text: &str, snippet: &tantivy::snippet::Snippet) -> Vec<Segment> {
    let fragment = snippet.fragment();
    if fragment.is_empty() {
        let mut end = text.len().min(240);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let more = if end < text.len() { " …" } else { "" };
        return vec![Segment {
            text: format!("{}{more}", &text[..end]),
            hit: false,
        }];
    }
    let mut out = Vec::new();
    let mut at = 0;
    for r in snippet.highlighted() {
        if r.start > at {
            out.push(Segment {
                text: fragment[at..r.start].to_string(),
                hit: false,
            });
        }
        out.push(Segment {
            text: fragment[r.clone()].to_string(),
            hit: true,
        });
        at = r.end;
    }
    if at < fragment.len() {
        out.push(Segment {
            text: fragment[at..].to_string(),
            hit: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: &str, group: &str, body: &str, year: i32, title: &str, text: &str) -> Entry {
        Entry {
            key: key.into(),
            group: group.into(),
            kind: "paragraf".into(),
            body: body.into(),
            year,
            date: format!("{year}-01-29"),
            title: title.into(),
            text: text.into(),
            url: format!("/x/{key}"),
            dnr: None,
            case_key: None,
            access: Vec::new(),
        }
    }

    /// Access tokens limit what is found, and the facet counts with it: an entry the
    /// query's tokens do not name is neither a hit nor counted.
    #[test]
    fn access_tokens_limit_hits_and_counts() {
        let i = SearchIndex::in_ram().unwrap();
        let with = |key: &str, body: &str, access: &[&str]| Entry {
            access: access.iter().map(|a| a.to_string()).collect(),
            ..entry(
                key,
                "m/9",
                body,
                2024,
                "§ 1 Hemtjänst",
                "hemtjänst i hemmet",
            )
        };
        i.apply(
            &[GroupChange {
                group: "m/9".into(),
                fingerprint: Some("x".into()),
                entries: vec![
                    with("p/9/1", "Socialnämnden", &["organ/1"]),
                    with(
                        "o/9/1",
                        "Socialnämnden",
                        &["offentlig", "offentlig/organ/1"],
                    ),
                    with("p/9/2", "Kommunstyrelsen", &["organ/2"]),
                ],
            }],
            false,
        )
        .unwrap();
        let search = |access: Option<&[&str]>, exclude: &[&str]| {
            i.search(&Query {
                access: access.map(|a| a.iter().map(|t| t.to_string()).collect()),
                exclude: exclude.iter().map(|t| t.to_string()).collect(),
                ..q("hemtjänst")
            })
            .unwrap()
        };
        let r = search(Some(&["offentlig"]), &[]);
        assert_eq!(keys(&r), ["o/9/1"]);
        assert_eq!(r.bodies, [("Socialnämnden".to_string(), 1)]);
        let r = search(Some(&["offentlig", "organ/1"]), &["offentlig/organ/1"]);
        assert_eq!(keys(&r), ["p/9/1"]);
        let r = search(Some(&["offentlig", "organ/2"]), &["offentlig/organ/2"]);
        assert_eq!(r.total, 2);
        assert!(!r.bodies.is_empty());
        assert_eq!(search(Some(&[]), &[]).total, 0);
        let mut r = search(None, &[]);
        assert_eq!(r.total, 3);
        // Hits dropped afterwards leave the total and the facets too.
        r.retain(|h| h.body == "Socialnämnden");
        assert_eq!(r.total, 2);
        assert_eq!(r.bodies, [("Socialnämnden".to_string(), 2)]);
        assert_eq!(r.years, [("2024".to_string(), 2)]);
        r.retain(|_| false);
        assert_eq!((r.total, r.hits.len()), (0, 0));
        assert!(r.bodies.is_empty() && r.years.is_empty() && r.kinds.is_empty());
        // Restricted, a query that forgets who searches is refused, not answered in full.
        let i = i.restricted();
        let forgot = i.search(&q("hemtjänst"));
        assert!(matches!(forgot, Err(SearchError::NoAccess)), "{forgot:?}");
        assert!(matches!(i.in_case("2024-1"), Err(SearchError::NoAccess)));
        let r = i
            .search(&Query {
                access: Some(vec!["offentlig".into()]),
                ..q("hemtjänst")
            })
            .unwrap();
        assert_eq!(keys(&r), ["o/9/1"]);
    }

    fn index() -> SearchIndex {
        let i = SearchIndex::in_ram().unwrap();
        i.apply(
            &[
                GroupChange {
                    group: "m/1".into(),
                    fingerprint: Some("a".into()),
                    entries: vec![
                        entry(
                            "p/1/1",
                            "m/1",
                            "Socialnämnden",
                            2023,
                            "§ 1 Hemtjänst",
                            "Nämnden följer upp hemtjänstinsatser i ordinärt boende.",
                        ),
                        Entry {
                            dnr: Some("SOC 2023-000189".into()),
                            case_key: Some("2023-189".into()),
                            ..entry(
                                "p/1/2",
                                "m/1",
                                "Socialnämnden",
                                2023,
                                "§ 2 Personal",
                                "Sjukfrånvaron har ökat under året.",
                            )
                        },
                    ],
                },
                GroupChange {
                    group: "m/2".into(),
                    fingerprint: Some("b".into()),
                    entries: vec![entry(
                        "p/2/1",
                        "m/2",
                        "Kommunstyrelsen",
                        2024,
                        "§ 1 Budget",
                        "Budgeten för hemtjänst fastställs.",
                    )],
                },
            ],
            false,
        )
        .unwrap();
        i
    }

    fn keys(r: &Results) -> Vec<&str> {
        let mut k: Vec<&str> = r.hits.iter().map(|h| h.key.as_str()).collect();
        k.sort();
        k
    }

    fn q(text: &str) -> Query {
        Query {
            text: text.into(),
            limit: 20,
            ..Query::default()
        }
    }

    #[test]
    fn compounds_and_inflections_are_found_by_their_first_part() {
        let i = index();
        assert_eq!(
            keys(&i.search(&q("hemtjänst")).unwrap()),
            ["p/1/1", "p/2/1"]
        );
        assert_eq!(keys(&i.search(&q("sjukfrånvaro")).unwrap()), ["p/1/2"]);
        assert_eq!(keys(&i.search(&q("Budget")).unwrap()), ["p/2/1"]);
        assert!(i.search(&q("skola")).unwrap().hits.is_empty());
        assert!(i.search(&q("  ")).unwrap().hits.is_empty());
    }

    #[test]
    fn every_word_must_be_found_and_filters_narrow() {
        let i = index();
        assert_eq!(
            keys(&i.search(&q("hemtjänst ordinärt")).unwrap()),
            ["p/1/1"]
        );
        let r = i
            .search(&Query {
                body: Some("Kommunstyrelsen".into()),
                ..q("hemtjänst")
            })
            .unwrap();
        assert_eq!(keys(&r), ["p/2/1"]);
        let r = i.search(&q("hemtjänst")).unwrap();
        assert_eq!(r.total, 2);
        assert_eq!(r.years, [("2024".to_string(), 1), ("2023".to_string(), 1)]);
        assert_eq!(r.kinds, [("paragraf".to_string(), 2)]);
        let r = i
            .search(&Query {
                year: Some(2023),
                ..q("hemtjänst")
            })
            .unwrap();
        assert_eq!(keys(&r), ["p/1/1"]);
    }

    #[test]
    fn titles_are_shown_whole_with_the_found_words_marked() {
        let i = index();
        let r = i.search(&q("personal")).unwrap();
        let t = &r.hits[0].title_marked;
        assert_eq!(
            t.iter().map(|s| s.text.as_str()).collect::<String>(),
            "§ 2 Personal"
        );
        assert_eq!(
            t.iter()
                .filter(|s| s.hit)
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>(),
            ["Personal"]
        );
    }

    #[test]
    fn a_case_is_found_by_its_key() {
        let i = index();
        let hits = i.in_case("2023-189").unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].dnr.as_deref(), Some("SOC 2023-000189"));
        assert!(i.in_case("2023-190").unwrap().is_empty());
    }

    #[test]
    fn snippets_mark_the_found_words() {
        let i = index();
        let r = i.search(&q("sjukfrånvaro")).unwrap();
        let marked: Vec<&str> = r.hits[0]
            .snippet
            .iter()
            .filter(|s| s.hit)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, ["Sjukfrånvaron"]);
    }

    #[test]
    fn a_group_is_replaced_whole_and_its_fingerprint_kept() {
        let i = index();
        assert_eq!(
            i.groups().unwrap().get("m/1").map(String::as_str),
            Some("a")
        );
        i.apply(
            &[GroupChange {
                group: "m/1".into(),
                fingerprint: None,
                entries: vec![],
            }],
            false,
        )
        .unwrap();
        assert!(!i.groups().unwrap().contains_key("m/1"));
        assert_eq!(keys(&i.search(&q("hemtjänst")).unwrap()), ["p/2/1"]);
        i.apply(&[], true).unwrap();
        assert!(i.is_empty());
        assert!(i.groups().unwrap().is_empty());
    }

    #[test]
    fn an_index_on_disk_is_found_again() {
        let dir = tempfile::tempdir().unwrap();
        {
            let i = SearchIndex::open(dir.path()).unwrap();
            i.apply(
                &[GroupChange {
                    group: "m/9".into(),
                    fingerprint: Some("x".into()),
                    entries: vec![entry(
                        "p/9/1",
                        "m/9",
                        "Socialnämnden",
                        2025,
                        "§ 1",
                        "Äldreomsorgens kvalitet",
                    )],
                }],
                false,
            )
            .unwrap();
        }
        let i = SearchIndex::open(dir.path()).unwrap();
        assert_eq!(keys(&i.search(&q("äldreomsorg")).unwrap()), ["p/9/1"]);
    }
}
