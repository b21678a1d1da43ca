//! A minimal typst [`World`]: one main template, a shared template module, one virtual
//! JSON data file, and fonts from embedded bytes. No file system, no network, no packages.

use std::sync::LazyLock;

use chrono::{Datelike, Duration as ChronoDuration, Utc};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};

use crate::RenderError;

/// Virtual path of the main template.
const MAIN_PATH: &str = "/main.typ";
/// Virtual path of the shared template module (imported by every main template).
const COMMON_PATH: &str = "/common.typ";
/// Virtual path of the JSON data file read with `json("data.json")`.
const DATA_PATH: &str = "/data.json";

/// The shared template module.
const COMMON_TYP: &str = include_str!("../templates/common.typ");

/// Fonts, the font book and the standard library are built once per process.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    let book = FontBook::from_fonts(&fonts);
    Shared {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(book),
        fonts,
    }
});

/// Builds the shared fonts, font book and library now, if not yet built.
pub(crate) fn warm_up() {
    LazyLock::force(&SHARED);
}

fn file_id(path: &str) -> Result<FileId, RenderError> {
    let vpath = VirtualPath::new(path)
        .map_err(|e| RenderError::Internal(format!("ogiltig virtuell sökväg {path}: {e:?}")))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// The world of one rendering: a template plus its data.
pub(crate) struct RenderWorld {
    main: Source,
    common: Source,
    data_id: FileId,
    data: Bytes,
}

impl RenderWorld {
    /// A world whose main file is `template` and whose `data.json` holds `data`.
    pub(crate) fn new(template: &'static str, data: Vec<u8>) -> Result<Self, RenderError> {
        let main_id = file_id(MAIN_PATH)?;
        let common_id = file_id(COMMON_PATH)?;
        let data_id = file_id(DATA_PATH)?;
        Ok(Self {
            main: Source::new(main_id, template.to_owned()),
            common: Source::new(common_id, COMMON_TYP.to_owned()),
            data_id,
            data: Bytes::new(data),
        })
    }

    /// Describes diagnostics in Swedish-prefixed, single-line form with template line numbers.
    pub(crate) fn describe(&self, diags: &[SourceDiagnostic]) -> String {
        let mut parts = Vec::with_capacity(diags.len());
        for d in diags {
            let mut where_ = String::new();
            if let (Some(id), Some(range)) = (d.span.id(), self.range(d.span)) {
                if let Ok(src) = self.source(id) {
                    if let Some(line) = src.lines().byte_to_line(range.start) {
                        where_ = format!(" ({:?} rad {})", id.vpath(), line + 1);
                    }
                }
            }
            let hints: Vec<&str> = d.hints.iter().map(|h| h.v.as_str()).collect();
            if hints.is_empty() {
                parts.push(format!("{}{}", d.message, where_));
            } else {
                parts.push(format!("{}{} [{}]", d.message, where_, hints.join("; ")));
            }
        }
        parts.join(" | ")
    }
}

impl World for RenderWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == self.common.id() {
            Ok(self.common.clone())
        } else if id == self.data_id {
            Err(FileError::NotSource)
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else if id == self.common.id() {
            Ok(Bytes::from_string(self.common.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }

    fn today(&self, offset: Option<Duration>) -> Option<Datetime> {
        let now = match offset {
            Some(off) => {
                let secs = off.seconds();
                if !secs.is_finite() {
                    return None;
                }
                (Utc::now() + ChronoDuration::seconds(secs as i64)).date_naive()
            }
            None => chrono::Local::now().date_naive(),
        };
        Datetime::from_ymd(
            now.year(),
            u8::try_from(now.month()).ok()?,
            u8::try_from(now.day()).ok()?,
        )
    }
}
