//! Diarium: the registry of cases (ärenden) and their documents (handlingar).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dnr::Dnr;
use crate::ids::{BodyId, CaseId};
use crate::org::{non_empty, OrgError};

/// Sekretess: whether a case or document is public or secret.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Secrecy {
    /// Allmän och offentlig handling.
    #[default]
    Public,
    /// Enskilt ärende inom socialtjänsten, sekretess enligt OSL 26 kap. 1 §: kept out of every
    /// public version, every read is logged.
    IndividualCase,
    /// Att klassificera: an imported § (or its case) that no rule could call public or
    /// secret. Hidden from the public until a person classifies it.
    Unclassified,
}

impl Secrecy {
    /// Whether the item must be hidden from the public.
    pub fn is_secret(self) -> bool {
        self != Secrecy::Public
    }
    /// The legal ground as written in documents.
    pub fn ground(self) -> Option<&'static str> {
        match self {
            Secrecy::Public => None,
            Secrecy::IndividualCase => Some("OSL 26 kap. 1 §"),
            Secrecy::Unclassified => Some("ej sekretessprövad"),
        }
    }
}

/// Ärendestatus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Pågående: registered, under preparation.
    #[default]
    Open,
    /// Beslutat: decided, not yet closed.
    Decided,
    /// Avslutat: closed and ready for the archive.
    Closed,
}

impl CaseStatus {
    /// The Swedish word.
    pub fn swedish(self) -> &'static str {
        match self {
            CaseStatus::Open => "pågående",
            CaseStatus::Decided => "beslutat",
            CaseStatus::Closed => "avslutat",
        }
    }
    /// Parses the Swedish word.
    pub fn from_swedish(s: &str) -> Option<Self> {
        match s.trim().to_lowercase().as_str() {
            "pågående" | "öppet" => Some(CaseStatus::Open),
            "beslutat" => Some(CaseStatus::Decided),
            "avslutat" => Some(CaseStatus::Closed),
            _ => None,
        }
    }
}

/// Ärende: a case in the registry, identified by its diarienummer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// Diarienummer.
    pub dnr: Dnr,
    /// Ärendemening: the title.
    pub title: String,
    /// Klassificeringskod from the municipality's scheme, when not part of the Dnr.
    pub class: Option<String>,
    /// The body that owns the case.
    pub body: Option<BodyId>,
    /// Sekretess.
    pub secrecy: Secrecy,
    /// Status.
    pub status: CaseStatus,
    /// Registreringsdatum.
    pub registered: NaiveDate,
    /// Handläggare.
    pub handler: Option<String>,
}

impl Case {
    /// A case with a non-empty title.
    pub fn new(
        dnr: Dnr,
        title: &str,
        body: Option<BodyId>,
        secrecy: Secrecy,
        registered: NaiveDate,
    ) -> Result<Self, OrgError> {
        Ok(Case {
            class: dnr.class().map(String::from),
            dnr,
            title: non_empty(title, "ärendemeningen")?,
            body,
            secrecy,
            status: CaseStatus::Open,
            registered,
            handler: None,
        })
    }
}

/// Handlingstyp: the kind of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    /// Tjänsteskrivelse: the case memo with a proposal.
    Memo,
    /// Protokollsutdrag: a certified extract of a §.
    MinutesExtract,
    /// Protokoll.
    Minutes,
    /// Kallelse.
    Notice,
    /// Skrivelse: a letter.
    Letter,
    /// Dom: a court ruling.
    Ruling,
    /// Avtal: an agreement.
    Agreement,
    /// Tillsynsbeslut, e.g. from IVO.
    SupervisionDecision,
    /// Synpunkt eller klagomål.
    Complaint,
    /// Delegationslista / delegationsbeslut.
    DelegationList,
    /// Missiv: a cover letter.
    CoverLetter,
    /// Rapport.
    Report,
    /// Övrigt.
    Other,
}

impl DocumentType {
    /// The meeting's own papers (kallelse, protokoll, utdrag, delegationslista), which are
    /// not handlingar that go out with an item.
    pub fn is_meeting_paper(self) -> bool {
        matches!(
            self,
            DocumentType::Notice
                | DocumentType::Minutes
                | DocumentType::MinutesExtract
                | DocumentType::DelegationList
        )
    }
    /// All kinds, for menus and parsing.
    pub const ALL: [DocumentType; 13] = [
        DocumentType::Memo,
        DocumentType::MinutesExtract,
        DocumentType::Minutes,
        DocumentType::Notice,
        DocumentType::Letter,
        DocumentType::Ruling,
        DocumentType::Agreement,
        DocumentType::SupervisionDecision,
        DocumentType::Complaint,
        DocumentType::DelegationList,
        DocumentType::CoverLetter,
        DocumentType::Report,
        DocumentType::Other,
    ];

    /// The Swedish word.
    pub fn swedish(self) -> &'static str {
        match self {
            DocumentType::Memo => "tjänsteskrivelse",
            DocumentType::MinutesExtract => "protokollsutdrag",
            DocumentType::Minutes => "protokoll",
            DocumentType::Notice => "kallelse",
            DocumentType::Letter => "skrivelse",
            DocumentType::Ruling => "dom",
            DocumentType::Agreement => "avtal",
            DocumentType::SupervisionDecision => "tillsynsbeslut",
            DocumentType::Complaint => "synpunkt/klagomål",
            DocumentType::DelegationList => "delegationslista",
            DocumentType::CoverLetter => "missiv",
            DocumentType::Report => "rapport",
            DocumentType::Other => "övrigt",
        }
    }

    /// Parses the Swedish word.
    pub fn from_swedish(s: &str) -> Option<Self> {
        let s = s.trim().to_lowercase();
        Self::ALL.into_iter().find(|k| {
            k.swedish() == s
                || (s == "synpunkt" || s == "klagomål") && *k == DocumentType::Complaint
        })
    }
}

/// Whether a document came in, went out or was written for the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Inkommande: received, with a sender.
    Incoming,
    /// Utgående: sent, with a recipient.
    Outgoing,
    /// Upprättad: drawn up within the organisation.
    Internal,
}

/// Handling: a document registered in a case, numbered within the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The case.
    pub case: CaseId,
    /// Handlingsnummer, running within the registry series and year ("handling 2868").
    pub number: u32,
    /// Kind.
    pub kind: DocumentType,
    /// Title or description.
    pub title: String,
    /// Date of the document (received, sent or drawn up).
    pub date: NaiveDate,
    /// In, out or internal.
    pub direction: Direction,
    /// Sender (incoming) or recipient (outgoing).
    pub counterpart: Option<String>,
    /// Reference to the stored file, relative to the data directory.
    pub file: Option<String>,
    /// Sekretess.
    pub secrecy: Secrecy,
    /// Sekretessprövning for the public: a person's decision whether the handling may be
    /// published; `None` until someone has decided.
    #[serde(default)]
    pub review: Option<Review>,
}

/// Sekretessprövning of a handling: whether it may be given to anyone who asks and
/// published. A person decides; until then it is not published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Review {
    /// Offentlig: may be published.
    Public,
    /// Sekretess (or partly): not published; given out only after a new review.
    Secret,
}

impl Review {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Review::Public => "public",
            Review::Secret => "secret",
        }
    }
    /// From the stored word.
    pub fn parse(s: &str) -> Option<Review> {
        match s {
            "public" => Some(Review::Public),
            "secret" => Some(Review::Secret),
            _ => None,
        }
    }
    /// As users read it.
    pub fn swedish(self) -> &'static str {
        match self {
            Review::Public => "prövad offentlig",
            Review::Secret => "prövad, omfattas av sekretess",
        }
    }
}

/// Whether `file` names a PDF kept by the data directory itself (`files/<hex>.pdf`, as
/// registering one with its bytes stores it) — not a path given by hand, which could lead
/// anywhere and change after the review.
pub fn is_stored_pdf(file: &str) -> bool {
    file.strip_prefix("files/")
        .and_then(|f| f.strip_suffix(".pdf"))
        .is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl Document {
    /// Whether the handling is secret with `case`: its case is, it is of its own, or a
    /// person's review found it so — the one test every surface uses.
    pub fn is_secret(&self, case: &Case) -> bool {
        case.secrecy.is_secret() || self.secrecy.is_secret() || self.review == Some(Review::Secret)
    }

    /// Whether the handling may be published with `case`: a PDF the data directory keeps,
    /// a case and a handling that are not secret, and a person's review that found it public.
    pub fn may_be_published(&self, case: &Case) -> bool {
        self.file.as_deref().is_some_and(is_stored_pdf)
            && !case.secrecy.is_secret()
            && !self.secrecy.is_secret()
            && self.review == Some(Review::Public)
    }

    /// Whether `review` may be given to the handling of `case`: a handling of a secret case
    /// cannot be found public.
    pub fn may_review(&self, case: &Case, review: Review) -> Result<(), &'static str> {
        if review == Review::Public && (case.secrecy.is_secret() || self.secrecy.is_secret()) {
            return Err("en handling i ett ärende med sekretess kan inte prövas offentlig");
        }
        Ok(())
    }
}

/// How a handling of a meeting's item is shown in the public version of the kallelse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublicListing {
    /// Published: a person found it public and the file may be read by anyone.
    Published,
    /// Secret: listed by this notice only (no title, no file).
    Secret,
    /// Not reviewed yet: listed without title or file until a person has found it public.
    NotReviewed,
}

/// The notice that stands in the public kallelse for a handling that is secret.
pub const SECRET_DOCUMENT: &str = "Handling omfattas av sekretess (OSL 26 kap. 1 §)";
/// The notice for a handling nobody has reviewed for publication yet.
pub const UNREVIEWED_DOCUMENT: &str =
    "Handlingen är ännu inte sekretessprövad och publiceras inte här; den kan begäras ut hos registraturen";

impl Document {
    /// How the handling is listed in the public version (fail closed: only a handling a
    /// person found public, of a case that is not secret, is published; a secret case's or
    /// handling's, or one found secret, is a notice).
    pub fn public_listing(&self, case: &Case) -> PublicListing {
        if self.may_be_published(case) {
            PublicListing::Published
        } else if case.secrecy == Secrecy::IndividualCase
            || self.secrecy == Secrecy::IndividualCase
            || self.review == Some(Review::Secret)
        {
            PublicListing::Secret
        } else {
            PublicListing::NotReviewed
        }
    }

    /// Whether a member of the body reads the handling in their copy of the kallelse: a
    /// handling that is not secret always; a secret one only a ledamot, or an ersättare
    /// who serves at the meeting (the secretary has called them in).
    pub fn member_may_read(&self, case: &Case, serves: bool) -> bool {
        !self.is_secret(case) || serves
    }
}

/// What is needed to register a document; the store gives it its number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewDocument {
    /// Kind.
    pub kind: DocumentType,
    /// Title or description.
    pub title: String,
    /// Date.
    pub date: NaiveDate,
    /// In, out or internal.
    pub direction: Direction,
    /// Sender or recipient.
    pub counterpart: Option<String>,
    /// File reference.
    pub file: Option<String>,
    /// Sekretess.
    pub secrecy: Secrecy,
}

impl NewDocument {
    /// A document with a non-empty title; internal documents have no counterpart.
    pub fn new(
        kind: DocumentType,
        title: &str,
        date: NaiveDate,
        direction: Direction,
        counterpart: Option<&str>,
    ) -> Result<Self, OrgError> {
        let counterpart = counterpart
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from);
        if direction != Direction::Internal && counterpart.is_none() {
            return Err(OrgError::Empty(if direction == Direction::Incoming {
                "avsändaren"
            } else {
                "mottagaren"
            }));
        }
        Ok(NewDocument {
            kind,
            title: non_empty(title, "handlingens titel")?,
            date,
            direction,
            counterpart,
            file: None,
            secrecy: Secrecy::Public,
        })
    }

    /// Gives the document its number in `case`.
    pub fn numbered(self, case: CaseId, number: u32) -> Document {
        Document {
            case,
            number,
            kind: self.kind,
            title: self.title,
            date: self.date,
            direction: self.direction,
            counterpart: self.counterpart,
            file: self.file,
            secrecy: self.secrecy,
            review: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_pdf_the_data_directory_keeps_may_be_published() {
        assert!(is_stored_pdf("files/0a1b2c.pdf"));
        for bad in [
            "../nycklar/sigill.key",
            "/etc/passwd",
            "files/../x.pdf",
            "files/.pdf",
            "files/abc.txt",
            "brev.pdf",
        ] {
            assert!(!is_stored_pdf(bad), "{bad}");
        }
    }

    #[test]
    fn a_case_takes_its_class_from_the_dnr() {
        let c = Case::new(
            Dnr::parse("SN.2023.373 700").unwrap(),
            "Godkännande av föredragningslista",
            None,
            Secrecy::Public,
            "2023-12-01".parse().unwrap(),
        )
        .unwrap();
        assert_eq!(c.class.as_deref(), Some("700"));
        assert_eq!(c.status, CaseStatus::Open);
        assert!(Case::new(c.dnr.clone(), " ", None, Secrecy::Public, c.registered).is_err());
    }

    #[test]
    fn incoming_documents_need_a_sender() {
        let date = "2025-08-20".parse().unwrap();
        let err = NewDocument::new(
            DocumentType::Ruling,
            "Dom LVU",
            date,
            Direction::Incoming,
            None,
        )
        .unwrap_err();
        assert!(err.to_string().contains("avsändaren"));
        NewDocument::new(
            DocumentType::Memo,
            "Tjänsteskrivelse",
            date,
            Direction::Internal,
            None,
        )
        .unwrap();
        assert_eq!(
            DocumentType::from_swedish("Klagomål"),
            Some(DocumentType::Complaint)
        );
        assert_eq!(
            DocumentType::from_swedish("dom"),
            Some(DocumentType::Ruling)
        );
        assert!(Secrecy::IndividualCase.is_secret());
    }

    /// Each way a handling of a kallelse can be listed for the public, and who of the
    /// members reads it: published only when reviewed public in a public case; a notice
    /// when the case or the handling is secret or was found secret; nothing but a notice
    /// before the review.
    #[test]
    fn a_handling_is_published_only_when_a_person_found_it_public() {
        let date = "2025-08-20".parse().unwrap();
        let case = |secrecy| {
            Case::new(
                Dnr::parse("SN.2025.12 700").unwrap(),
                "Yttrande",
                None,
                secrecy,
                date,
            )
            .unwrap()
        };
        let doc = |secrecy, review, file: Option<&str>| Document {
            case: CaseId(1),
            number: 4,
            kind: DocumentType::Memo,
            title: "Tjänsteskrivelse".into(),
            date,
            direction: Direction::Internal,
            counterpart: None,
            file: file.map(String::from),
            secrecy,
            review,
        };
        let public = case(Secrecy::Public);
        let pdf = Some("files/ab12.pdf");
        use PublicListing as L;
        let cases = [
            (
                doc(Secrecy::Public, Some(Review::Public), pdf),
                &public,
                L::Published,
            ),
            (doc(Secrecy::Public, None, pdf), &public, L::NotReviewed),
            (
                doc(Secrecy::Public, Some(Review::Public), None),
                &public,
                L::NotReviewed,
            ),
            (
                doc(Secrecy::Public, Some(Review::Secret), pdf),
                &public,
                L::Secret,
            ),
            (doc(Secrecy::IndividualCase, None, pdf), &public, L::Secret),
            (
                doc(Secrecy::Unclassified, None, pdf),
                &public,
                L::NotReviewed,
            ),
        ];
        for (d, c, want) in cases {
            assert_eq!(d.public_listing(c), want, "{d:?}");
        }
        let secret = case(Secrecy::IndividualCase);
        assert_eq!(
            doc(Secrecy::Public, Some(Review::Public), pdf).public_listing(&secret),
            L::Secret
        );
        // Members: a ledamot (or a serving ersättare) reads everything; an ersättare who
        // does not serve reads what is not secret.
        let open = doc(Secrecy::Public, None, pdf);
        let closed = doc(Secrecy::IndividualCase, None, pdf);
        assert!(open.member_may_read(&public, false));
        assert!(!closed.member_may_read(&public, false));
        assert!(closed.member_may_read(&public, true));
        assert!(!open.member_may_read(&secret, false));
        assert!(!doc(Secrecy::Public, Some(Review::Secret), pdf).member_may_read(&public, false));
    }
}
