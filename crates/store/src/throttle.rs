//! Failed logins per key (a client address, or an address and a name), which the login's
//! throttle counts. They are kept outside the stored data and its generation: a flood of
//! failed logins must not empty every page cache.
//!
//! On PostgreSQL they are in an unlogged table written outside the store's write lock, so
//! that every instance on the database counts the same failures. On SQLite (one process)
//! they are kept by the store in memory.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Utc};

use crate::sql::{params, Conn};
use crate::Result;

/// How many times a key failed, and when last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginFailures {
    /// Failures since the key was last cleared.
    pub count: u32,
    /// The last one.
    pub last: DateTime<Utc>,
}

/// Failures older than this are forgotten (the longest wait is far shorter).
const FORGET_AFTER_SECONDS: i64 = 3600;
/// Keys kept in memory at most before the old ones are forgotten.
const MAX_KEYS: usize = 100_000;

/// The in-memory counts of one process (SQLite).
#[derive(Default)]
pub(crate) struct InMemory(Mutex<HashMap<String, LoginFailures>>);

impl InMemory {
    pub(crate) fn get(&self, keys: &[String]) -> Vec<Option<LoginFailures>> {
        let map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        keys.iter().map(|k| map.get(k).copied()).collect()
    }

    pub(crate) fn count(&self, keys: &[String], at: DateTime<Utc>) {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() > MAX_KEYS {
            map.retain(|_, f| (at - f.last).num_seconds() < FORGET_AFTER_SECONDS);
        }
        for k in keys {
            let f = map
                .entry(k.clone())
                .or_insert(LoginFailures { count: 0, last: at });
            if (at - f.last).num_seconds() >= FORGET_AFTER_SECONDS {
                // As in the shared table: an hour-old count is forgotten.
                f.count = 0;
            }
            f.count += 1;
            f.last = at;
        }
    }

    pub(crate) fn clear(&self, key: &str) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).remove(key);
    }
}

/// The counts of `keys` in the shared table, in their order.
pub(crate) fn get(c: &Conn<'_>, keys: &[String]) -> Result<Vec<Option<LoginFailures>>> {
    let mut st = c.prepare_cached("SELECT count, last_at FROM login_failures WHERE key = ?1")?;
    keys.iter()
        .map(|k| {
            let rows = st
                .query_map(params![k], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
                })?
                .collect::<Result<Vec<_>>>()?;
            Ok(rows.first().and_then(|&(count, at)| {
                Some(LoginFailures {
                    count: u32::try_from(count).unwrap_or(u32::MAX),
                    last: DateTime::from_timestamp_millis(at)?,
                })
            }))
        })
        .collect()
}

/// Counts a failure of each key in the shared table, forgetting the old ones.
pub(crate) fn count(c: &Conn<'_>, keys: &[String], at: DateTime<Utc>) -> Result<()> {
    let ms = at.timestamp_millis();
    c.execute(
        "DELETE FROM login_failures WHERE last_at < ?1",
        params![ms - FORGET_AFTER_SECONDS * 1000],
    )?;
    let mut st = c.prepare_cached(
        "INSERT INTO login_failures (key, count, last_at) VALUES (?1, 1, ?2)
         ON CONFLICT (key) DO UPDATE SET count = login_failures.count + 1, last_at = ?2",
    )?;
    for k in keys {
        st.execute(params![k, ms])?;
    }
    Ok(())
}

/// Clears one key in the shared table.
pub(crate) fn clear(c: &Conn<'_>, key: &str) -> Result<()> {
    c.execute("DELETE FROM login_failures WHERE key = ?1", params![key])?;
    Ok(())
}
