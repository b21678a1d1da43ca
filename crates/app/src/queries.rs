//! What the front ends may read, and the organisation's registrations, as operations of the
//! opened data directory. Everything else changes through the named operations of each
//! capability (`meeting::cycle`, `registry`, `accounts`, `unenforced`, …).

use std::collections::HashMap;

use paragraf_core::ids::*;
use paragraf_core::meeting::Meeting;
use paragraf_core::minutes::Minutes;
use paragraf_core::org::{Body, Membership, Municipality, Official, Person, TermOfOffice};
use paragraf_core::publication::Classification;
use paragraf_core::registry::{Case, Document};
use paragraf_store::{AuditEntry, Storage};

use crate::{DataDir, Result};

impl DataDir {
    /// The storage, for the application's own operations.
    pub(crate) fn storage(&self) -> &dyn Storage {
        &*self.store
    }

    /// A value that changes whenever the stored data changes, by any process.
    pub fn generation(&self) -> Result<(i64, u64)> {
        Ok(self.store.generation()?)
    }

    /// The municipality.
    pub fn municipality(&self) -> Result<Option<Municipality>> {
        Ok(self.store.municipality()?)
    }

    /// Every body, by id.
    pub fn bodies(&self) -> Result<Vec<Record<BodyId, Body>>> {
        Ok(self.store.bodies()?)
    }

    /// One body.
    pub fn body(&self, id: BodyId) -> Result<Record<BodyId, Body>> {
        Ok(self.store.body(id)?)
    }

    /// A body's name, or "organ N" when it is gone.
    pub fn body_name(&self, id: BodyId) -> String {
        self.store
            .body(id)
            .map(|b| b.value.name)
            .unwrap_or_else(|_| format!("organ {id}"))
    }

    /// Registers a body (organ).
    pub fn add_body(&self, body: &Body) -> Result<Record<BodyId, Body>> {
        Ok(self.store.add_body(body)?)
    }

    /// Terms of office (mandatperioder).
    pub fn terms(&self) -> Result<Vec<Record<TermId, TermOfOffice>>> {
        Ok(self.store.terms()?)
    }

    /// Registers a term of office.
    pub(crate) fn add_term(&self, term: &TermOfOffice) -> Result<Record<TermId, TermOfOffice>> {
        Ok(self.store.add_term(term)?)
    }

    /// Every person, by name.
    pub fn persons(&self) -> Result<Vec<Record<PersonId, Person>>> {
        Ok(self.store.persons()?)
    }

    /// One person.
    pub fn person(&self, id: PersonId) -> Result<Record<PersonId, Person>> {
        Ok(self.store.person(id)?)
    }

    /// Registers a person.
    pub fn add_person(&self, person: &Person) -> Result<Record<PersonId, Person>> {
        Ok(self.store.add_person(person)?)
    }

    /// Names of persons, by id.
    pub fn names(&self) -> Result<HashMap<PersonId, String>> {
        Ok(self
            .store
            .persons()?
            .into_iter()
            .map(|p| (p.id, p.value.name))
            .collect())
    }

    /// Memberships (uppdrag), of one body or of all.
    pub fn memberships(
        &self,
        body: Option<BodyId>,
    ) -> Result<Vec<Record<MembershipId, Membership>>> {
        Ok(self.store.memberships(body)?)
    }

    /// Registers a membership.
    pub fn add_membership(&self, m: &Membership) -> Result<Record<MembershipId, Membership>> {
        Ok(self.store.add_membership(m)?)
    }

    /// Officials (tjänstepersoner).
    pub fn officials(&self) -> Result<Vec<Record<OfficialId, Official>>> {
        Ok(self.store.officials()?)
    }

    /// The ersättarordningar of a body, by start.
    pub fn substitute_orders(
        &self,
        body: BodyId,
    ) -> Result<Vec<paragraf_core::org::SubstituteOrder>> {
        Ok(self.store.substitute_orders(body)?)
    }

    /// Registers an official.
    pub(crate) fn add_official(&self, o: &Official) -> Result<Record<OfficialId, Official>> {
        Ok(self.store.add_official(o)?)
    }

    /// Every case, newest first (callers filter what a user may see: `access`).
    pub fn cases(&self) -> Result<Vec<Record<CaseId, Case>>> {
        Ok(self.store.cases()?)
    }

    /// One case.
    pub fn case(&self, id: CaseId) -> Result<Record<CaseId, Case>> {
        Ok(self.store.case(id)?)
    }

    /// The case with this diarienummer, as written.
    pub fn case_by_dnr(&self, dnr: &str) -> Result<Option<Record<CaseId, Case>>> {
        Ok(self.store.case_by_dnr(dnr)?)
    }

    /// The documents (handlingar) of a case.
    pub fn documents(&self, case: CaseId) -> Result<Vec<Record<DocumentId, Document>>> {
        Ok(self.store.documents(case)?)
    }

    /// Every meeting, by date.
    pub fn meetings(&self) -> Result<Vec<Record<MeetingId, Meeting>>> {
        Ok(self.store.meetings()?)
    }

    /// Every meeting as a list shows it (id, body, date, state), by date, without reading
    /// each meeting whole.
    pub fn meeting_heads(&self) -> Result<Vec<paragraf_store::MeetingHead>> {
        Ok(self.store.meeting_heads()?)
    }

    /// The meetings of `bodies` (all when `None`), `limit` from `offset`, and how many in all.
    pub fn meetings_page(
        &self,
        bodies: Option<&[paragraf_core::ids::BodyId]>,
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<Record<MeetingId, Meeting>>, usize)> {
        Ok(self.store.meetings_page(bodies, offset, limit)?)
    }

    /// One meeting.
    pub fn meeting(&self, id: MeetingId) -> Result<Record<MeetingId, Meeting>> {
        Ok(self.store.meeting(id)?)
    }

    /// The minutes of a meeting, if drafted.
    pub fn minutes(&self, id: MeetingId) -> Result<Option<Minutes>> {
        Ok(self.store.minutes(id)?)
    }

    /// How the §§ of a meeting were classified for publication.
    pub fn classifications(&self, id: MeetingId) -> Result<Vec<Classification>> {
        Ok(self.store.classifications(id)?)
    }

    /// The newest `limit` entries of the audit log.
    pub fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>> {
        Ok(self.store.audit_log(limit)?)
    }

    /// Appends to the audit log.
    pub fn audit(&self, entry: &AuditEntry) -> Result<()> {
        Ok(self.store.audit(entry)?)
    }

    /// The meeting and its minutes as they stand, for the audit log's before and after.
    pub fn meeting_snapshot(&self, id: MeetingId) -> Result<serde_json::Value> {
        Ok(
            serde_json::json!({ "meeting": self.store.meeting(id)?, "minutes": self.store.minutes(id)? }),
        )
    }
}
