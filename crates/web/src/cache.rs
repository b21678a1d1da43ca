//! A cache of the public pages as the public sees them. Published minutes are sealed and the
//! board changes only when the data or the date does, so an anonymous GET of a public page
//! is answered from memory while the store's generation (which moves with every write, by
//! this server or any other process) and today's date are those the page was built with.
//! Logged-in viewers, API tokens and every other route always go to the handler.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;

use crate::AppState;

/// At most this many pages are kept; when full, the cache starts over.
const MAX_PAGES: usize = 512;
/// Pages larger than this are not kept.
const MAX_PAGE_BYTES: usize = 2 << 20;

#[derive(Clone)]
struct Page {
    generation: (i64, u64),
    today: NaiveDate,
    content_type: HeaderValue,
    body: Bytes,
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
            if map.len() >= MAX_PAGES {
                map.clear();
            }
            map.insert(key, page);
        }
    }
}

/// The public pages whose content depends only on the data and the date.
fn cacheable(path: &str) -> bool {
    matches!(
        path,
        "/" | "/anslagstavla" | "/anslagstavla.atom" | "/kalender" | "/organ"
    ) || path.starts_with("/protokoll/")
        || path.starts_with("/organ/")
}

/// The middleware: answers from the cache or fills it.
pub async fn public_pages(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let anonymous = !req.headers().contains_key(header::COOKIE)
        && !req.headers().contains_key(header::AUTHORIZATION);
    if req.method() != Method::GET || !anonymous || !cacheable(req.uri().path()) {
        return next.run(req).await;
    }
    // Feeds write absolute addresses from the Host header when no public address is
    // configured: a page is kept per host, so no request can plant another host's links in
    // what everyone else is served.
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    let key = format!(
        "{host} {}",
        req.uri()
            .path_and_query()
            .map_or_else(|| req.uri().path().to_string(), |p| p.as_str().to_string())
    );
    let Ok(generation) = state.dir.generation() else {
        return next.run(req).await;
    };
    let today = state.today();
    if let Some(p) = state.pages.get(&key) {
        if p.generation == generation && p.today == today {
            return ([(header::CONTENT_TYPE, p.content_type)], p.body).into_response();
        }
    }
    let response = next.run(req).await;
    let Some(content_type) = response.headers().get(header::CONTENT_TYPE).cloned() else {
        return response;
    };
    let is_page = content_type
        .to_str()
        .is_ok_and(|t| t.starts_with("text/html") || t.starts_with("application/atom+xml"));
    if response.status() != StatusCode::OK || !is_page {
        return response;
    }
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => {
            if bytes.len() <= MAX_PAGE_BYTES {
                let page = Page {
                    generation,
                    today,
                    content_type,
                    body: bytes.clone(),
                };
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
