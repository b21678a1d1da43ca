//! Errors (*fel*). Messages are Swedish: they are shown to users.

use std::path::PathBuf;

/// Everything that can go wrong while importing a protocol.
#[derive(thiserror::Error, Debug)]
pub enum ImportError {
    #[error("kunde inte läsa filen {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("texten är tom – det finns inget protokoll att läsa in")]
    Empty,
    #[error(
        "{where_}: innehållet ser ut att vara binärt (t.ex. en bild eller ett arkiv), inte text"
    )]
    Binary { where_: String },
    #[error("{path}: filen är varken giltig UTF-8 eller säker Windows-1252/Latin-1-text (första felaktiga tecknet på rad {line})")]
    Encoding { path: PathBuf, line: usize },
    #[error("{path}: filtypen stöds inte – ange en .txt-, .pdf-, .docx- eller .odt-fil (ett äldre Word-dokument, .doc eller .rtf, sparas först som .docx)")]
    UnsupportedType { path: PathBuf },
    #[error("{path}: dokumentet kunde inte läsas: {message}")]
    Document { path: PathBuf, message: String },
    #[error("{path}: filen är för stor ({size} byte; högst {max} byte)")]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error("programmet pdftotext saknas – installera poppler-utils (t.ex. `apt-get install poppler-utils`) för att läsa PDF-filer")]
    PdftotextMissing,
    #[error("{path}: pdftotext kunde inte läsa PDF-filen: {message}")]
    PdfFailed { path: PathBuf, message: String },
    #[error("{path}: PDF-filen saknar textlager (den är troligen inskannad) – kör OCR på den först eller läs in en textversion")]
    PdfNoText { path: PathBuf },
    #[error("texten ser inte ut att vara ett protokoll: inget sammanträdesdatum, ingen nämnd, inget ord \"protokoll\", inga rubriker som \"Plats och tid\", \"Beslutande\" eller \"Justerare\" och ingen paragraf (§) hittades")]
    NotAProtocol,
    #[error("ingen delegationsordning hittades (letade efter en tabell med en rubrikrad med kolumner för ärende och delegat, t.ex. Nr, Ärende, Lagrum och Delegat eller Punkt, Ärendetyp, Lagrum och Lägsta beslutsnivå, och efter numrerade punkter under rubriker som ”Delegation till …” eller ”Delegat: …”) – är detta en delegationsordning?")]
    NoDelegationOrder,
    #[error("{where_}: {message}")]
    Table { where_: String, message: String },
}
