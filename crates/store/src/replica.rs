//! A read replica of the PostgreSQL database (`[database] read_url`): reads go there only
//! while it is known to be close behind the primary. A replica that cannot be reached, has
//! another schema, or has not reached within `max_lag` what the primary had, is passed
//! over: the reads go to the primary until it has caught up. So a replica that stopped
//! replaying cannot keep serving what has since been withdrawn or found secret.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::pg::PgPool;
use crate::StoreError;

/// The replica, and whether reads may go there now.
pub(crate) struct Replica {
    pub(crate) pool: PgPool,
    /// Set by [`Replica::check`]; false until the first check finds it in step.
    fresh: AtomicBool,
    /// The primary's generation the replica had not reached when last checked, and when
    /// that was seen.
    behind: Mutex<Option<(i64, Instant)>>,
    max_lag: Duration,
}

/// What a check of the replica found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplicaState {
    /// Close behind the primary: the public site reads it.
    InStep,
    /// Behind by more than the allowed lag, or not reachable, or of another schema: the
    /// public site reads the primary. Why.
    PassedOver(String),
}

impl Replica {
    pub(crate) fn new(pool: PgPool, max_lag: Duration) -> Replica {
        Replica {
            pool,
            fresh: AtomicBool::new(false),
            behind: Mutex::new(None),
            max_lag,
        }
    }

    /// Whether reads may go to the replica now.
    pub(crate) fn fresh(&self) -> bool {
        self.fresh.load(Ordering::Acquire)
    }

    /// The state the last check left, while nothing new is known.
    fn as_before(&self) -> ReplicaState {
        if self.fresh() {
            ReplicaState::InStep
        } else {
            ReplicaState::PassedOver("läsrepliken ligger efter".into())
        }
    }

    /// Compares the replica with the primary, whose generation is `primary`, at `now`,
    /// and decides whether reads may go there until the next check.
    pub(crate) fn check(&self, primary: i64, now: Instant, known_schema: i64) -> ReplicaState {
        let found = self.pool.schema_version().and_then(|v| {
            if v == known_schema {
                self.pool.generation()
            } else {
                Err(StoreError::Rule(format!(
                    "läsrepliken har schemaversion {v}, programmet skriver {known_schema}"
                )))
            }
        });
        let mut behind = self.behind.lock().unwrap_or_else(|e| e.into_inner());
        let state = match found {
            Err(e) => {
                *behind = None;
                ReplicaState::PassedOver(e.to_string())
            }
            Ok(g) if g >= primary => {
                *behind = None;
                ReplicaState::InStep
            }
            Ok(g) => match *behind {
                // It has reached what the primary had at the last check: behind by less
                // than the time between two checks.
                Some((target, _)) if g >= target => {
                    *behind = Some((primary, now));
                    ReplicaState::InStep
                }
                Some((_, since)) if now.duration_since(since) > self.max_lag => {
                    ReplicaState::PassedOver(format!(
                        "läsrepliken har inte hunnit ikapp på {} s",
                        now.duration_since(since).as_secs()
                    ))
                }
                // Behind, for less than the allowed lag so far: as it was.
                Some(_) => self.as_before(),
                None => {
                    *behind = Some((primary, now));
                    self.as_before()
                }
            },
        };
        self.fresh
            .store(state == ReplicaState::InStep, Ordering::Release);
        state
    }
}
