//! The audit log (*revisionslogg*): who changed what and when, with the state before and
//! after, and every read of a secret item. Shared by the workspace and the JSON API.

use paragraf_core::ids::MeetingId;
use serde_json::Value;

use crate::auth::Viewer;
use crate::error::WebError;
use crate::AppState;

/// Writes one entry with the viewer as actor (see [`paragraf_app::accounts::record`]).
pub fn record(
    state: &AppState,
    viewer: &Viewer,
    action: &str,
    entity: &str,
    id: impl ToString,
    before: Option<Value>,
    after: Option<Value>,
) {
    paragraf_app::accounts::record(
        &state.dir,
        &viewer.actor(),
        action,
        entity,
        id,
        before,
        after,
    );
}

/// The meeting and its minutes as they stand, for the log's before and after.
pub fn meeting_snapshot(state: &AppState, mid: MeetingId) -> Result<Value, WebError> {
    Ok(state.dir.meeting_snapshot(mid)?)
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
    let mut after = meeting_snapshot(state, mid)?;
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
