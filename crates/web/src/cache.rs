//! A cache of the public pages (and the public API's answers) as the public sees them. Published minutes are sealed and the
//! board changes only when the data or the date does, so an anonymous GET of a public page
//! is answered from memory while the store's generation (which moves with every write, by
//! this server or any other process) and today's date are those the page was built with.
//! Logged-in viewers and every other route always go to the handler; a token holder's API
//! lists are kept per token (the token checked on every request, against the store or
//! against the store's answer kept for the same generation while the token has not expired).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDate, Utc};

use crate::AppState;

/// At most this many pages, of at most [`MAX_TOTAL_BYTES`] together, are kept; when full,
/// the cache starts over.
const MAX_PAGES: usize = 512;
/// The most the kept pages may take together.
const MAX_TOTAL_BYTES: usize = 64 << 20;
/// Pages larger than this are not kept.
const MAX_PAGE_BYTES: usize = 2 << 20;

#[derive(Clone)]
struct Page {
    generation: (i64, u64),
    today: NaiveDate,
    /// Content-Type and the headers kept with it (Content-Disposition, Content-Location,
    /// Cache-Control), and the ETag, which every kept page has.
    headers: Vec<(header::HeaderName, HeaderValue)>,
    etag: HeaderValue,
    body: Bytes,
}

/// The headers of an answer that are kept with its page.
const KEPT_HEADERS: [header::HeaderName; 6] = [
    header::CONTENT_TYPE,
    header::CONTENT_DISPOSITION,
    header::CONTENT_LOCATION,
    header::CACHE_CONTROL,
    header::LINK,
    header::HeaderName::from_static("x-total-count"),
];

/// Whether the request's If-None-Match names `etag`.
fn not_modified(req: &Request, etag: &HeaderValue) -> bool {
    req.headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .zip(etag.to_str().ok())
        .is_some_and(|(v, e)| v.split(',').any(|t| t.trim() == e || t.trim() == "*"))
}

impl Page {
    fn answer(self, req: &Request) -> Response {
        if not_modified(req, &self.etag) {
            // As the whole answer would, less what describes the body.
            let mut r = StatusCode::NOT_MODIFIED.into_response();
            let h = r.headers_mut();
            for (k, v) in self.headers {
                if k == header::CACHE_CONTROL || k == header::CONTENT_LOCATION || k == header::LINK
                {
                    h.insert(k, v);
                }
            }
            h.insert(header::ETAG, self.etag);
            return r;
        }
        let mut r = Response::new(Body::from(self.body));
        let h = r.headers_mut();
        for (k, v) in self.headers {
            h.insert(k, v);
        }
        h.insert(header::ETAG, self.etag);
        r
    }
}

/// The cached pages, by path and query.
#[derive(Clone, Default)]
pub struct PageCache(Arc<Mutex<HashMap<String, Page>>>);

impl PageCache {
    /// How many pages are kept.
    pub fn len(&self) -> usize {
        self.0.lock().map_or(0, |m| m.len())
    }

    /// Whether no page is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn get(&self, key: &str) -> Option<Page> {
        self.0.lock().ok()?.get(key).cloned()
    }

    fn put(&self, key: String, page: Page) {
        if let Ok(mut map) = self.0.lock() {
            let total: usize = map.values().map(|p| p.body.len()).sum();
            if map.len() >= MAX_PAGES || total + page.body.len() > MAX_TOTAL_BYTES {
                map.clear();
            }
            map.insert(key, page);
        }
    }
}

/// API tokens as last checked: by the SHA-256 of the token, its holder's id, the store's
/// generation it was checked at and when it expires.
#[derive(Clone, Default)]
pub struct TokenCache(Arc<Mutex<HashMap<String, TokenCheck>>>);

/// The generation a token was checked at, its holder and when it expires.
type TokenCheck = ((i64, u64), i64, DateTime<Utc>);

/// Tokens kept at most; past that the cache starts again.
const MAX_TOKENS: usize = 10_000;

impl TokenCache {
    /// The holder of the token with this digest, when it was checked at `generation` and
    /// has not expired at `now`.
    pub fn get(&self, digest: &str, generation: (i64, u64), now: DateTime<Utc>) -> Option<i64> {
        let map = self.0.lock().ok()?;
        let &(at, user, expires) = map.get(digest)?;
        (at == generation && now < expires).then_some(user)
    }

    /// Keeps a check's answer.
    pub fn put(&self, digest: &str, generation: (i64, u64), user: i64, expires: DateTime<Utc>) {
        if let Ok(mut map) = self.0.lock() {
            if map.len() >= MAX_TOKENS {
                map.clear();
            }
            map.insert(digest.to_string(), (generation, user, expires));
        }
    }
}

/// The API's lists that a token's holder reads again and again, whose content depends only
/// on the data, the date and who asks (and whose reading is not logged).
fn cacheable_by_token(path: &str) -> bool {
    matches!(path, "/api/v1/meetings" | "/api/v1/cases")
}

/// The public pages whose content depends only on the data and the date.
fn cacheable(path: &str) -> bool {
    matches!(
        path,
        "/" | "/anslagstavla"
            | "/anslagstavla.atom"
            | "/kalender"
            | "/organ"
            | "/api/v1/minutes"
            | "/api/v1/bodies"
            | "/api/v1/notices"
    ) || path.starts_with("/protokoll/")
        || path.starts_with("/organ/")
        || path.starts_with("/api/v1/minutes/")
}

/// The middleware: answers from the cache or fills it.
pub async fn public_pages(State(state): State<AppState>, req: Request, next: Next) -> Response {
    // A signed file by its content address, once read and checked, is the same for everyone.
    if req.method() == Method::GET {
        let file = req
            .uri()
            .path()
            .strip_prefix("/filer/")
            .and_then(|n| n.strip_suffix(".pdf"))
            .and_then(|hex| {
                let generation = state.public.generation().ok()?;
                Some((hex.to_string(), state.files.get(hex, generation)?))
            });
        if let Some((hex, bytes)) = file {
            return crate::public::content_answer(&hex, bytes, req.headers());
        }
    }
    if req.method() != Method::GET {
        return next.run(req).await;
    }
    let path = req.uri().path();
    let what = req
        .uri()
        .path_and_query()
        .map_or_else(|| path.to_string(), |p| p.as_str().to_string());
    let cookie = req.headers().contains_key(header::COOKIE);
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_string());
    // An anonymous page is built from the public site's reading of the data (the replica,
    // when there is one), a token's list from the database itself: each keyed on the
    // generation of what it was read from.
    let mut read_from = &state.dir;
    let mut generation = None;
    let key = match (cookie, bearer) {
        (false, None) if cacheable(path) => {
            read_from = &state.public;
            // Feeds write absolute addresses from the Host header when no public address is
            // configured: a page is kept per host, so no request can plant another host's
            // links in what everyone else is served.
            let host = req
                .headers()
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .unwrap_or("");
            format!("{host} {what}")
        }
        (false, Some(token)) if cacheable_by_token(path) => {
            // The token is checked on every request (revoked, expired, its holder locked
            // out): against the store, or against the store's answer kept for this
            // generation while the token has not expired — revoking it, or disabling,
            // locking out or changing its holder, is a write that moves the generation. The
            // generation is read before the check, so an answer is never kept for a later
            // one. What its holder may read changes only with the data, and is kept per
            // token.
            let Ok(now_at) = state.dir.generation() else {
                return next.run(req).await;
            };
            generation = Some(now_at);
            let digest = paragraf_core::seal::sha256_hex(token.as_bytes());
            let now = chrono::Utc::now();
            let user = match state.tokens.get(&digest, now_at, now) {
                Some(user) => user,
                None => {
                    let dir = state.dir.clone();
                    let checked = tokio::task::spawn_blocking(move || {
                        paragraf_app::accounts::token_holder(&dir, &token, now)
                    })
                    .await;
                    match checked {
                        Ok(Ok(Some((user, expires)))) => {
                            state.tokens.put(&digest, now_at, user.id, expires);
                            user.id
                        }
                        _ => return next.run(req).await,
                    }
                }
            };
            format!("token {user} {} {what}", &digest[..32])
        }
        _ => return next.run(req).await,
    };
    let generation = match generation {
        Some(g) => g,
        None => match read_from.generation() {
            Ok(g) => g,
            Err(_) => return next.run(req).await,
        },
    };
    let today = state.today();
    if let Some(p) = state.pages.get(&key) {
        if p.generation == generation && p.today == today {
            return p.answer(&req);
        }
    }
    let response = next.run(req).await;
    let Some(content_type) = response.headers().get(header::CONTENT_TYPE).cloned() else {
        return response;
    };
    let is_page = content_type.to_str().is_ok_and(|t| {
        t.starts_with("text/html")
            || t.starts_with("application/atom+xml")
            || t.starts_with("application/pdf")
            || t.starts_with("application/json")
    });
    if response.status() != StatusCode::OK || !is_page {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => {
            let etag = parts.headers.get(header::ETAG).cloned().or_else(|| {
                let hex = paragraf_core::seal::sha256_hex(&bytes);
                HeaderValue::from_str(&format!("\"{}\"", &hex[..32])).ok()
            });
            let Some(etag) = etag else {
                return Response::from_parts(parts, Body::from(bytes));
            };
            let page = Page {
                generation,
                today,
                headers: KEPT_HEADERS
                    .iter()
                    .filter_map(|k| parts.headers.get(k).map(|v| (k.clone(), v.clone())))
                    .collect(),
                etag,
                body: bytes,
            };
            parts.headers.insert(header::ETAG, page.etag.clone());
            let bytes = page.body.clone();
            if bytes.len() <= MAX_PAGE_BYTES {
                state.pages.put(key, page);
            }
            Response::from_parts(parts, Body::from(bytes))
        }
        Err(e) => {
            tracing::error!("sidan {key} kunde inte läsas: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// At most this many documents are kept in memory by their content address, each at most
/// [`MAX_PAGE_BYTES`].
const MAX_FILES: usize = 64;

/// Signed public documents by their content address (`/filer/{sha256}.pdf`), kept in memory
/// once checked, while the store's generation is the one they were checked at (a § classified
/// anew, or minutes withdrawn, end them).
#[derive(Clone, Default)]
pub struct FileCache(Arc<Mutex<HashMap<String, Checked>>>);

/// A document and the store's generation it was checked at.
type Checked = ((i64, u64), Bytes);

impl FileCache {
    /// The document of content address `hex`, when kept and checked at `generation`.
    pub fn get(&self, hex: &str, generation: (i64, u64)) -> Option<Bytes> {
        let map = self.0.lock().ok()?;
        let (at, bytes) = map.get(hex)?;
        (*at == generation).then(|| bytes.clone())
    }

    /// Keeps `bytes`, checked at `generation`, as the document of `hex`; gives them back.
    pub fn put(&self, hex: &str, generation: (i64, u64), bytes: Bytes) -> Bytes {
        if bytes.len() <= MAX_PAGE_BYTES {
            if let Ok(mut map) = self.0.lock() {
                if map.len() >= MAX_FILES {
                    map.clear();
                }
                map.insert(hex.to_string(), (generation, bytes.clone()));
            }
        }
        bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token's check is kept for the generation it was made at, and never past the
    /// token's expiry.
    #[test]
    fn a_kept_token_check_ends_with_its_generation_and_its_expiry() {
        let cache = TokenCache::default();
        let now = Utc::now();
        let expires = now + chrono::Duration::seconds(10);
        cache.put("d", (7, 0), 42, expires);
        assert_eq!(cache.get("d", (7, 0), now), Some(42));
        assert_eq!(cache.get("d", (8, 0), now), None, "a write since");
        assert_eq!(cache.get("d", (7, 0), expires), None, "expired");
        assert_eq!(cache.get("e", (7, 0), now), None);
    }
}
