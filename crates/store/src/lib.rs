//! # paragraf-store
//!
//! Persistence behind one interface, [`Storage`]: everything Paragraf stores — the
//! organisation and the registry, meetings, minutes and seals ([`Store`]), accounts,
//! sessions, API tokens and the audit log ([`AccountStore`]), the register of ej verkställda
//! beslut ([`UnenforcedStore`]), delegation ([`DelegationStore`]) and follow-up
//! ([`FollowUpStore`]). [`SqlStore`] is the embedded default (WAL journal, versioned
//! migrations applied on open). Every implementation passes the one conformance suite
//! ([`conformance`]); a PostgreSQL backend will implement the same traits and run it too.
//! Time stamps come from the [`Clock`] the store is given.
//!
//! Writes that belong together — a case with its first documents, minutes with their §
//! numbers — are one transaction: they are stored whole or not at all. Values are checked by
//! the core's constructors before they are written and again when they are read back.

mod accounts;
pub mod backup;
pub mod conformance;
mod copy;
mod delegation;
mod error;
mod followup;
mod papers;
mod pg;
mod replica;
mod sql;
mod sqlite;
mod throttle;
mod unenforced;
pub use followup::{BudgetBatch, FollowUpStore};
pub use unenforced::{
    AuditRecord, ImportSource, RegisterImport, UnenforcedStore, UpsertSummary, IMPORT_ACTION,
};

pub use accounts::{AccountStore, ApiToken, AuditEntry, Role, Session, User};
pub use delegation::{DecisionImport, DelegationStore, StoredOrder};
pub use error::StoreError;
pub use papers::{
    Annotation, Dispatch, DispatchKind, DispatchMethod, DispatchStatus, NewAnnotation, NewDispatch,
    PaperStore, StoredMemo,
};
pub use pg::MAX_CONNECTIONS as POSTGRES_MAX_CONNECTIONS;
pub use replica::ReplicaState;
pub use sql::DbError;
pub use sqlite::{SqlStore, SCHEMA_VERSION};
pub use throttle::LoginFailures;

use chrono::{DateTime, NaiveDate, Utc};
use paragraf_core::dnr::DnrPattern;
use paragraf_core::ids::*;
use paragraf_core::meeting::Meeting;
use paragraf_core::minutes::{Minutes, ParagraphSeries};
use paragraf_core::org::{
    Body, Membership, Municipality, Official, Person, SubstituteOrder, TermOfOffice,
};
use paragraf_core::publication::Classification;
use paragraf_core::registry::{Case, CaseStatus, Document, NewDocument, Review, Secrecy};
use paragraf_core::seal::Seal;

/// Result of a store operation.
pub type Result<T> = std::result::Result<T, StoreError>;

/// A case with the documents registered with it.
pub type CaseWithDocuments = (Record<CaseId, Case>, Vec<Record<DocumentId, Document>>);

/// Where the store's time stamps come from.
pub trait Clock: Send + Sync {
    /// Now.
    fn now(&self) -> DateTime<Utc>;
}

/// The system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still (tests, the demo).
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// Everything that is stored, behind one interface: what the application takes.
pub trait Storage:
    Store + AccountStore + UnenforcedStore + DelegationStore + FollowUpStore + PaperStore
{
    /// A value that changes whenever the stored data changes, by any process: what caches
    /// of pages key on.
    fn generation(&self) -> Result<(i64, u64)>;
    /// The schema version of the open database.
    fn schema_version(&self) -> Result<i64>;
    /// The backend's own consistency check; `Ok(())` when sound.
    fn integrity_check(&self) -> Result<()>;
    /// Writes a consistent copy of everything stored, and `files` beside it, to the new
    /// file `out`, while others go on reading and writing.
    fn backup_to(&self, out: &std::path::Path, files: &[BackupFile]) -> Result<()>;

    /// The failed logins counted for each of `keys` (a client address, or an address and a
    /// name), in their order. They are kept outside the stored data and its generation:
    /// shared by every instance on PostgreSQL, by the one process on SQLite.
    fn login_failures(&self, keys: &[String]) -> Result<Vec<Option<LoginFailures>>>;
    /// Counts one failed login for each of `keys` at `at`; failures an hour old are
    /// forgotten.
    fn count_login_failure(&self, keys: &[String], at: DateTime<Utc>) -> Result<()>;
    /// Forgets the failures of `key` (after a good login).
    fn clear_login_failures(&self, key: &str) -> Result<()>;
}

/// A file of the installation carried in a backup (settings, keys, stored PDFs), named by
/// its path relative to the data directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    /// Relative path, `/`-separated.
    pub name: String,
    /// Its contents.
    pub bytes: Vec<u8>,
}

/// The seal of adjusted minutes as stored in its own table, with the canonical text it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealRecord {
    /// The canonical text.
    pub canonical: String,
    /// Hash, signature, key and time.
    pub seal: Seal,
}

/// What is needed to open a case; the store allocates its diarienummer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCase {
    /// Diarieserie, such as "SOC"; `None` for patterns without a series.
    pub series: Option<String>,
    /// Klassificeringskod.
    pub class: Option<String>,
    /// Ärendemening.
    pub title: String,
    /// The owning body.
    pub body: Option<BodyId>,
    /// Sekretess.
    pub secrecy: Secrecy,
    /// Registreringsdatum; its year numbers the case.
    pub registered: NaiveDate,
    /// Handläggare.
    pub handler: Option<String>,
}

/// The organisation, the registry, meetings, minutes, seals and their publication. Every
/// method is one transaction.
/// A meeting as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingHead {
    /// The meeting.
    pub id: MeetingId,
    /// Its body.
    pub body: BodyId,
    /// Its day.
    pub date: NaiveDate,
    /// Where it is in the cycle.
    pub state: paragraf_core::meeting::MeetingState,
}

pub trait Store {
    /// The municipality, once set.
    fn municipality(&self) -> Result<Option<Municipality>>;
    /// Sets the municipality.
    fn set_municipality(&self, m: &Municipality) -> Result<()>;

    /// Adds a body; its name must be unique and its parent must exist.
    fn add_body(&self, body: &Body) -> Result<Record<BodyId, Body>>;
    /// All bodies, by id.
    fn bodies(&self) -> Result<Vec<Record<BodyId, Body>>>;
    /// One body.
    fn body(&self, id: BodyId) -> Result<Record<BodyId, Body>>;

    /// Adds a term of office.
    fn add_term(&self, term: &TermOfOffice) -> Result<Record<TermId, TermOfOffice>>;
    /// All terms.
    fn terms(&self) -> Result<Vec<Record<TermId, TermOfOffice>>>;

    /// Adds a person.
    fn add_person(&self, person: &Person) -> Result<Record<PersonId, Person>>;
    /// All persons, by name.
    fn persons(&self) -> Result<Vec<Record<PersonId, Person>>>;
    /// One person.
    fn person(&self, id: PersonId) -> Result<Record<PersonId, Person>>;
    /// The person whose personnummer has this keyed hash (see `app::org`), if any.
    fn person_by_number_key(&self, key: &str) -> Result<Option<Record<PersonId, Person>>>;
    /// Keeps the keyed hash of a person's personnummer (never the number itself); a hash
    /// another person has is a conflict.
    fn set_person_number_key(&self, id: PersonId, key: &str) -> Result<()>;

    /// Adds a membership of an existing person in an existing body.
    fn add_membership(&self, m: &Membership) -> Result<Record<MembershipId, Membership>>;
    /// Memberships, of one body or of all.
    fn memberships(&self, body: Option<BodyId>) -> Result<Vec<Record<MembershipId, Membership>>>;

    /// Anmäler at `meeting` (KL 6 kap. 40 §) the delegation decisions dated from `from` to
    /// `to` that were not reported before; returns how many. (Here rather than in
    /// `DelegationStore`, so that placing the report on an agenda does it in the same
    /// transaction.)
    fn report_decisions(&self, from: NaiveDate, to: NaiveDate, meeting: MeetingId)
        -> Result<usize>;

    /// Keeps an ersättarordning; one for the same body and start replaces it.
    fn save_substitute_order(&self, order: &SubstituteOrder) -> Result<()>;
    /// The ersättarordningar of a body, by start.
    fn substitute_orders(&self, body: BodyId) -> Result<Vec<SubstituteOrder>>;

    /// Adds an official.
    fn add_official(&self, o: &Official) -> Result<Record<OfficialId, Official>>;
    /// All officials.
    fn officials(&self) -> Result<Vec<Record<OfficialId, Official>>>;

    /// Opens a case: allocates the next diarienummer of the series and year in `pattern`
    /// and registers the first documents, all in one transaction.
    fn create_case(
        &self,
        pattern: &DnrPattern,
        case: &NewCase,
        documents: &[NewDocument],
    ) -> Result<CaseWithDocuments>;
    /// Registers a case whose diarienummer was given elsewhere (an imported protocol); the
    /// series' counter moves past it so new numbers never collide.
    fn register_case(&self, case: &Case) -> Result<Record<CaseId, Case>>;
    /// All cases, newest first.
    fn cases(&self) -> Result<Vec<Record<CaseId, Case>>>;
    /// One case.
    fn case(&self, id: CaseId) -> Result<Record<CaseId, Case>>;
    /// The case with this diarienummer, as written.
    fn case_by_dnr(&self, dnr: &str) -> Result<Option<Record<CaseId, Case>>>;
    /// Changes a case's status.
    fn set_case_status(&self, id: CaseId, status: CaseStatus) -> Result<()>;
    /// Changes a case's title, status and handläggare (the diarienummer never changes).
    fn update_case(
        &self,
        id: CaseId,
        title: &str,
        status: CaseStatus,
        handler: Option<&str>,
    ) -> Result<Record<CaseId, Case>>;

    /// Registers a document in a case with the next handlingsnummer of its year.
    fn add_document(&self, case: CaseId, doc: &NewDocument)
        -> Result<Record<DocumentId, Document>>;
    /// The documents of a case.
    fn documents(&self, case: CaseId) -> Result<Vec<Record<DocumentId, Document>>>;
    /// Records the sekretessprövning of a document for the public (`None`: not decided).
    fn review_document(&self, id: DocumentId, review: Option<Review>) -> Result<()>;

    /// Adds a meeting.
    fn add_meeting(&self, meeting: &Meeting) -> Result<Record<MeetingId, Meeting>>;
    /// Replaces a meeting.
    fn update_meeting(&self, id: MeetingId, meeting: &Meeting) -> Result<()>;
    /// One meeting.
    fn meeting(&self, id: MeetingId) -> Result<Record<MeetingId, Meeting>>;
    /// All meetings, by date.
    fn meetings(&self) -> Result<Vec<Record<MeetingId, Meeting>>>;

    /// What a list of meetings shows (id, body, date, state) without reading each meeting
    /// whole, by date.
    fn meeting_heads(&self) -> Result<Vec<MeetingHead>>;

    /// The meetings of `bodies` (all bodies when `None`) by date, `limit` of them from
    /// `offset`, and how many there are in all.
    fn meetings_page(
        &self,
        bodies: Option<&[BodyId]>,
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<Record<MeetingId, Meeting>>, usize)>;

    /// The § numbers the body has used in `year`, other than by `except`.
    fn paragraph_series(
        &self,
        body: BodyId,
        year: i32,
        except: Option<MeetingId>,
    ) -> Result<ParagraphSeries>;
    /// Stores the minutes of a meeting and claims their § numbers in the body's yearly
    /// series; a number another meeting holds is refused and nothing is written. Sealed
    /// minutes are stored with their canonical text and can never be written again.
    fn save_minutes(&self, meeting: MeetingId, minutes: &Minutes) -> Result<()>;
    /// The minutes of a meeting, if drafted.
    fn minutes(&self, meeting: MeetingId) -> Result<Option<Minutes>>;
    /// The canonical text kept when the minutes were sealed.
    fn sealed_text(&self, meeting: MeetingId) -> Result<Option<String>>;
    /// The seal as stored beside the minutes, with the canonical text it covers.
    fn seal_record(&self, meeting: MeetingId) -> Result<Option<SealRecord>>;

    /// How the §§ of a meeting were classified for publication (by a rule or a person).
    fn classifications(&self, meeting: MeetingId) -> Result<Vec<Classification>>;
    /// Records the classification of one § (replacing an earlier one).
    fn classify(&self, meeting: MeetingId, c: &Classification, at: DateTime<Utc>) -> Result<()>;

    /// Runs `f` as one transaction: every write it makes through the storage it is handed
    /// is kept if it returns `Ok`, and none is if it fails.
    fn atomically(&self, f: &mut dyn FnMut(&dyn Storage) -> Result<()>) -> Result<()>;
}
