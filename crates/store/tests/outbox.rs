//! Two senders on one database — two Paragraf processes, each with its own store on the
//! same file — claim the queued e-mail between them: every message once, none twice.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use paragraf_core::meeting::Meeting;
use paragraf_core::org::{Body, BodyKind};
use paragraf_store::{DispatchKind, DispatchMethod, NewDispatch, PaperStore, SqlStore, Store};

#[test]
fn two_senders_never_claim_the_same_message() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("p.db");
    let first = SqlStore::open(&path).unwrap();
    let body = first
        .add_body(&Body::new("Socialnämnden", None, BodyKind::Committee, None).unwrap())
        .unwrap();
    let m = first
        .add_meeting(&Meeting::planned(body.id, "2026-12-10".parse().unwrap()))
        .unwrap();
    let queue: Vec<NewDispatch> = (0..200)
        .map(|i| NewDispatch {
            meeting: m.id,
            paragraph: None,
            kind: DispatchKind::Notice,
            recipient: format!("Ledamot {i}"),
            address: Some(format!("ledamot{i}@example.se")),
            method: DispatchMethod::Email,
            subject: "Kallelse".into(),
            text: "Hej".into(),
            html: None,
            attachment: None,
            created_by: "paragraf".into(),
        })
        .collect();
    first.queue_dispatches(&queue).unwrap();
    let now: DateTime<Utc> = "2026-12-01T09:00:00Z".parse().unwrap();
    let until = now + Duration::minutes(10);
    let claimed: Vec<Vec<i64>> = std::thread::scope(|s| {
        let senders: Vec<_> = (0..2)
            .map(|_| {
                let path = path.clone();
                s.spawn(move || {
                    let store = SqlStore::open(&path).unwrap();
                    let mut mine = Vec::new();
                    loop {
                        let got = store.claim_due_dispatches(now, until, 7).unwrap();
                        if got.is_empty() {
                            return mine;
                        }
                        for d in got {
                            mine.push(d.id);
                            store.record_attempt(d.id, Ok("<x@example.se>")).unwrap();
                        }
                    }
                })
            })
            .collect();
        senders.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let all: Vec<i64> = claimed.iter().flatten().copied().collect();
    let unique: HashSet<i64> = all.iter().copied().collect();
    assert_eq!(
        all.len(),
        200,
        "every message claimed once: {:?}",
        claimed.iter().map(Vec::len).collect::<Vec<_>>()
    );
    assert_eq!(unique.len(), 200, "none twice");
}
