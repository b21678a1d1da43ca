//! The audit log (*revisionslogg*): who changed what and when, with the state before and
//! after, and every read of a secret item. Shared by the workspace and the JSON API.

use paragraf_core::ids::MeetingId;
use paragraf_store::AccountStore as _;
use paragraf_store::{AuditEntry, Store};
use serde_json::{json, Value};

use crate::auth::Viewer;
use crate::error::WebError;
use crate::AppState;

/// Writes one entry. A failure to write is logged, not shown to the user: the change it
/// describes has already been stored.
pub fn record(
    state: &AppState,
    viewer: &Viewer,
    action: &str,
    entity: &str,
    id: impl ToString,
    before: Option<Value>,
    after: Option<Value>,
) {
    let entry = AuditEntry {
        at: chrono::Utc::now().to_rfc3339(),
        actor: viewer.actor(),
        action: action.into(),
        entity: entity.into(),
        entity_id: Some(id.to_string()),
        before: before.map(|b| b.to_string()),
        after: after.map(|a| a.to_string()),
    };
    if let Err(e) = state.dir.store.audit(&entry) {
        tracing::error!("revisionsloggen kunde inte skrivas: {e}");
    }
}

/// The meeting and its minutes as they stand, for the log's before and after.
pub fn meeting_snapshot(store: &dyn Store, mid: MeetingId) -> Result<Value, WebError> {
    Ok(json!({ "meeting": store.meeting(mid)?, "minutes": store.minutes(mid)? }))
}

/// Records a change of a meeting: `before` as taken by [`meeting_snapshot`] before the
/// change, the meeting as it is now, and what was asked for (`request`).
pub fn meeting_change(
    state: &AppState,
    viewer: &Viewer,
    action: &str,
    mid: MeetingId,
    before: Value,
    request: Value,
) -> Result<(), WebError> {
    let mut after = meeting_snapshot(&state.dir.store, mid)?;
    after["request"] = request;
    record(
        state,
        viewer,
        action,
        "sammanträde",
        mid.0,
        Some(before),
        Some(after),
    );
    Ok(())
}
