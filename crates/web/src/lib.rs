//! # paragraf-web
//!
//! The HTTP server (axum): the public site ([`public`]), the secretary workspace
//! ([`workspace`]) and the JSON API under `/api/v1` ([`api`]). Handlers check who asks
//! ([`auth::Viewer`]) and call the same operations as the command line
//! (`paragraf_app`); no rule of the domain lives here.

pub mod admin;
pub mod api;
pub mod audit;
pub mod auth;
pub mod cache;
pub mod delegation;
pub mod dto;
pub mod error;
pub mod feeds;
pub mod followup;
pub mod html;
pub mod imports;
pub mod memo;
pub mod month;
pub mod oparl;
pub mod organisation;
pub mod papers;
pub mod public;
pub mod search;
pub mod settings;
pub mod sso;
pub mod unenforced;
pub mod verify;
pub mod workspace;
mod zero_copy;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use chrono::NaiveDate;
use paragraf_app::DataDir;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The data directory with its store.
    pub dir: Arc<DataDir>,
    /// The same as the public site reads it: from the read replica when
    /// `[database] read_url` names one (see [`DataDir::for_public_site`]).
    pub public: Arc<DataDir>,
    /// A fixed "today" for tests; the real date otherwise.
    pub fixed_today: Option<NaiveDate>,
    /// A password hash to spend time on when a username does not exist.
    pub dummy_hash: Arc<String>,
    /// The public pages as last built, for anonymous readers.
    pub pages: cache::PageCache,
    /// Signed documents by their content address, once checked.
    pub files: cache::FileCache,
    /// API tokens, once checked (see [`cache::TokenCache`]).
    pub tokens: cache::TokenCache,
    /// Slots for computing password hashes.
    pub hashing: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    /// Wraps an opened data directory.
    pub fn new(dir: DataDir) -> anyhow::Result<AppState> {
        // The search index is derived data: brought in step at start (after a restore, an
        // upgrade or a write by another process).
        paragraf_app::search::after_publication(&dir);
        Ok(AppState {
            public: Arc::new(dir.for_public_site()),
            dir: Arc::new(dir),
            fixed_today: paragraf_app::clock::fixed_today(),
            dummy_hash: Arc::new(auth::hash_password("ingen användare")?),
            pages: cache::PageCache::default(),
            files: cache::FileCache::default(),
            tokens: cache::TokenCache::default(),
            hashing: Arc::new(tokio::sync::Semaphore::new(auth::hash_slots())),
        })
    }

    /// Today's date (local time), or the fixed one.
    pub fn today(&self) -> NaiveDate {
        self.fixed_today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The present moment (local time); with a fixed today, noon of that day,
    /// so that timestamps and dates never disagree.
    pub fn now(&self) -> chrono::DateTime<chrono::FixedOffset> {
        match self.fixed_today {
            Some(d) => d
                .and_hms_opt(12, 0, 0)
                .expect("noon exists")
                .and_utc()
                .fixed_offset(),
            None => chrono::Local::now().fixed_offset(),
        }
    }
}

/// `GET /healthz`: the process answers (for a load balancer's liveness probe).
async fn healthz() -> &'static str {
    "ok\n"
}

/// `GET /readyz`: the data can be read and the schema is the one this program writes; 503
/// otherwise (for a readiness probe: send no traffic here yet).
async fn readyz(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    match paragraf_app::install::ready(&state.dir) {
        Ok(()) => "ok\n".into_response(),
        Err(e) => {
            tracing::warn!("inte redo: {e}");
            (axum::http::StatusCode::SERVICE_UNAVAILABLE, "inte redo\n").into_response()
        }
    }
}

/// Every route.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(public::home))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/static/paragraf.css", get(public::stylesheet))
        .route("/static/paragraf.js", get(public::script))
        .route("/anslagstavla", get(public::board))
        .route("/anslagstavla.atom", get(feeds::board_atom))
        .route("/kalender.ics", get(feeds::calendar_ics))
        .route("/organ/{id}/anslagstavla.atom", get(feeds::body_atom))
        .route("/organ/{id}/kalender.ics", get(feeds::body_ics))
        .route("/organ/{id}/fullstandighet", get(feeds::completeness_page))
        .route(
            "/organ/{id}/{date}/protokoll",
            get(public::minutes_at_address),
        )
        .route(
            "/organ/{id}/{date}/kallelse",
            get(public::notice_at_address),
        )
        .route(
            "/organ/{id}/{date}/{paragraph}",
            get(public::paragraph_at_address),
        )
        .route("/protokoll", get(public::minutes_index_redirect))
        .route("/protokoll/", get(public::minutes_list))
        .route("/protokoll/{id}", get(public::minutes_page))
        .route("/filer/{name}", get(public::content_file))
        .route(
            "/protokoll/{id}/protokoll-offentlig.pdf",
            get(public::minutes_pdf),
        )
        .route("/kalender", get(public::calendar))
        .route("/sok", get(search::search_page))
        .route("/dcat.jsonld", get(oparl::dcat))
        .route("/oppna-data", get(feeds::dumps_page))
        .route("/oppna-data/{file}", get(feeds::dump_file))
        .route("/oparl/v1/system", get(oparl::system_page))
        .route("/oparl/v1/bodies", get(oparl::bodies))
        .route("/oparl/v1/body/{body}/{list}", get(oparl::body_list))
        .route(
            "/oparl/v1/organization/{id}/meetings",
            get(oparl::organization_meetings),
        )
        .route("/oparl/v1/{kind}/{id}", get(oparl::one))
        .route("/arende/{dnr}", get(search::case_page))
        .route(
            "/arende/{dnr}/handlingar/{number}",
            get(search::case_document),
        )
        .route("/organ", get(public::bodies_page))
        .route("/organ/{id}", get(public::body_page))
        .route("/sigill.pub", get(public::public_key))
        .route(
            "/verifiera",
            get(verify::verify_page).post(verify::verify_upload),
        )
        .route(
            "/logga-in",
            get(workspace::login_form).post(workspace::login_submit),
        )
        .route("/logga-in/sso", get(sso::begin))
        .route("/logga-in/sso/klar", get(sso::finish))
        .route("/logga-ut", post(workspace::logout))
        .route(
            "/konto/losenord",
            get(admin::password_page).post(admin::password_change),
        )
        .route(
            "/admin/konton",
            get(admin::users_page).post(admin::user_create),
        )
        .route("/admin/konton/{username}", get(admin::user_page))
        .route("/admin/organisation", get(organisation::organisation_page))
        .route(
            "/admin/installningar",
            get(settings::settings_page).post(settings::settings_save),
        )
        .route("/admin/installningar/logotyp", post(settings::logo_upload))
        .route("/logotyp.png", get(settings::logo))
        .route(
            "/admin/organisation/import",
            post(organisation::organisation_import),
        )
        .route(
            "/admin/organisation/{form}",
            post(organisation::organisation_save),
        )
        .route(
            "/admin/konton/{username}/{action}",
            post(admin::user_action),
        )
        .route(
            "/arenden",
            get(workspace::cases).post(workspace::case_create),
        )
        .route(
            "/arenden/{id}",
            get(workspace::case_page).post(workspace::case_edit),
        )
        .route(
            "/arenden/{id}/handlingar",
            post(workspace::document_upload).layer(axum::extract::DefaultBodyLimit::max(
                state.dir.config().server.upload_limit(),
            )),
        )
        .route(
            "/arenden/{id}/handlingar/{number}",
            get(workspace::document_file),
        )
        .route(
            "/arenden/{id}/handlingar/{number}/provning",
            post(workspace::document_review),
        )
        .route(
            "/sammantraden",
            get(workspace::meetings).post(workspace::meeting_create),
        )
        .route("/sammantraden/plan", post(workspace::meetings_plan))
        .route("/sammantraden/{id}", get(workspace::meeting_page))
        .route(
            "/sammantraden/{id}/punkt/{position}/handling/{number}",
            get(papers::handling_page),
        )
        .route(
            "/sammantraden/{id}/punkt/{position}/handling/{number}/fil.pdf",
            get(papers::handling_file),
        )
        .route(
            "/sammantraden/{id}/punkt/{position}/handling/{number}/anteckningar",
            post(papers::annotate),
        )
        .route(
            "/sammantraden/{id}/punkt/{position}/handling/{number}/anteckningar/{annotation}/ta-bort",
            post(papers::remove_annotation),
        )
        .route("/konto/anteckningar.json", get(papers::export))
        .route("/sammantraden/{id}/handlingar.pdf", get(papers::bundle))
        .route(
            "/arenden/{id}/tjansteskrivelse",
            get(memo::memo_page).post(memo::memo_save),
        )
        .route(
            "/arenden/{id}/tjansteskrivelse/godkann",
            post(memo::memo_approve),
        )
        .route(
            "/arenden/{id}/tjansteskrivelse/{file}",
            get(memo::memo_pdf),
        )
        .route(
            "/sammantraden/{id}/dokument/{name}",
            get(workspace::document),
        )
        .route(
            "/sammantraden/{id}/{action}",
            get(workspace::meeting_action_get).post(workspace::meeting_action),
        )
        .route("/revision", get(workspace::audit_page))
        .route(
            "/las-in",
            get(imports::page_get).post(imports::upload).layer(
                axum::extract::DefaultBodyLimit::max(state.dir.config().server.import_limit()),
            ),
        )
        .route("/las-in/spara", post(imports::save))
        .route(
            "/ej-verkstallda",
            get(unenforced::register_page).post(unenforced::register_add),
        )
        .route("/ej-verkstallda/ivo", get(unenforced::ivo))
        .route(
            "/ej-verkstallda/diagram.svg",
            get(unenforced::register_chart),
        )
        .route(
            "/ej-verkstallda/{id}",
            get(unenforced::decision_page).post(unenforced::decision_edit),
        )
        .route("/delegation", get(delegation::orders))
        .route("/delegation/beslut", get(delegation::decisions))
        .route("/delegation/{id}", get(delegation::order_page))
        .route("/uppfoljning", get(followup::list))
        .route("/uppfoljning/rapport", get(followup::report))
        .route("/uppfoljning/diagram.svg", get(followup::chart))
        .route("/uppfoljning/siffror.csv", get(followup::figures_csv_file))
        .route(
            "/uppfoljning/siffror.json",
            get(followup::figures_json_file),
        )
        .route(
            "/statistik/ej-verkstallda",
            get(unenforced::statistics_page),
        )
        .route(
            "/statistik/ej-verkstallda/diagram.svg",
            get(unenforced::chart_svg),
        )
        .route(
            "/konto/nycklar",
            get(workspace::tokens_page).post(workspace::token_create),
        )
        .route(
            "/konto/nycklar/{id}/aterkalla",
            post(workspace::token_revoke),
        )
        .route("/sammantraden/{id}/klassificera", post(workspace::classify))
        .nest("/api/v1", api::router())
        .fallback(not_found)
        // Innermost first: handlers run off the async workers; public answers are masked;
        // the cache keeps masked pages; every answer gets the security headers.
        .layer(axum::middleware::from_fn(off_the_workers))
        .layer(axum::middleware::from_fn(public::mask_public_answers))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            cache::public_pages,
        ))
        .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(
            state.dir.config().server.body_timeout(),
        ))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

/// At most this many connections are served at once; further ones wait to be accepted.
pub const MAX_CONNECTIONS: usize = 1024;

/// Unknown addresses: a page in the site's layout with the way forward.
async fn not_found(viewer: auth::Viewer) -> Response {
    use axum::response::IntoResponse;
    let _ = viewer;
    error::WebError::NotFound("sidan".into()).into_response()
}

/// Runs the handler on the blocking pool, so that store calls (SQLite) and rendering never
/// hold up the async workers that answer cached pages and accept connections.
async fn off_the_workers(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    use axum::response::IntoResponse;
    let handle = tokio::runtime::Handle::current();
    match tokio::task::spawn_blocking(move || handle.block_on(next.run(req))).await {
        Ok(r) => r,
        Err(e) => {
            tracing::error!("en begäran avbröts: {e}");
            axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Headers on every response: scripts and styles only from this server, no framing, no
/// MIME sniffing, no referrer to other sites.
async fn security_headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        axum::http::header::CONTENT_SECURITY_POLICY,
        axum::http::HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ),
    );
    h.insert(
        axum::http::header::X_CONTENT_TYPE_OPTIONS,
        axum::http::HeaderValue::from_static("nosniff"),
    );
    h.insert(
        axum::http::header::REFERRER_POLICY,
        axum::http::HeaderValue::from_static("same-origin"),
    );
    response
}

/// Serves until Ctrl-C: HTTP/1.1 with timeouts for the request head and body (`[server]`
/// in paragraf.toml), at most [`MAX_CONNECTIONS`] connections, each request knowing its
/// client's address.
pub async fn serve(state: AppState, addr: SocketAddr) -> anyhow::Result<()> {
    // Notices whose appeal period ran out while the server was down come off the board.
    paragraf_app::meeting::cycle::close_appeal_periods(&state.dir, state.today())?;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("lyssnar på http://{}", listener.local_addr()?);
    // The outbox: queued e-mail is sent every few seconds.
    every(&state, 3, |dir| {
        match paragraf_app::mail::deliver_due(dir, chrono::Utc::now()) {
            Ok(d) if d.sent + d.failed > 0 => {
                tracing::info!(skickade = d.sent, misslyckade = d.failed, "e-post")
            }
            Err(e) => tracing::warn!("e-posten kunde inte skickas: {e:#}"),
            _ => {}
        }
    });
    // With a read replica, every second: whether the public site may read it.
    if state.dir.has_read_replica() {
        let last = std::sync::Mutex::new(None);
        every(&state, 1, move |dir| {
            let now = match dir.check_replica() {
                Ok(Some(s)) => s,
                Ok(None) => return,
                Err(e) => paragraf_app::ReplicaState::PassedOver(format!("{e:#}")),
            };
            let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
            if last.as_ref() != Some(&now) {
                match &now {
                    paragraf_app::ReplicaState::InStep => {
                        tracing::info!("den publika webbplatsen läser läsrepliken")
                    }
                    paragraf_app::ReplicaState::PassedOver(why) => {
                        tracing::warn!("den publika webbplatsen läser huvuddatabasen: {why}")
                    }
                }
                *last = Some(now);
            }
        });
    }
    // Every hour: annotations whose owner's seat has ended go.
    every(
        &state,
        3600,
        |dir| match paragraf_app::meeting::papers::prune_all(dir) {
            Ok(n) if n > 0 => tracing::info!(borttagna = n, "anteckningar"),
            Err(e) => tracing::warn!("anteckningarna kunde inte rensas: {e:#}"),
            _ => {}
        },
    );
    serve_listener(state, listener, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}

/// Runs `job` on the blocking pool, off the request workers, every `seconds` (the first
/// time at once) for as long as the server runs; a round waits for the one before.
fn every(state: &AppState, seconds: u64, job: impl Fn(&DataDir) + Send + Sync + 'static) {
    let dir = state.dir.clone();
    let job = Arc::new(job);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(seconds));
        loop {
            tick.tick().await;
            let (dir, job) = (dir.clone(), job.clone());
            if let Err(e) = tokio::task::spawn_blocking(move || job(&dir)).await {
                tracing::error!("ett bakgrundsjobb avbröts: {e}");
            }
        }
    });
}

/// Serves the connections of `listener` until `shutdown` completes.
pub async fn serve_listener(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()>,
) -> anyhow::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tower::ServiceExt;
    let header_timeout = state.dir.config().server.header_timeout();
    let app = router(state);
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            _ = &mut shutdown => break,
            p = slots.clone().acquire_owned() => p?,
        };
        let (stream, peer) = tokio::select! {
            _ = &mut shutdown => break,
            a = listener.accept() => match a {
                Ok(a) => a,
                Err(e) => {
                    tracing::warn!("anslutningen kunde inte tas emot: {e}");
                    continue;
                }
            },
        };
        // As nginx: no Nagle delay for the last small segment of an answer (a head sent
        // with MSG_MORE still goes out with the body it precedes).
        if let Err(e) = stream.set_nodelay(true) {
            tracing::debug!("TCP_NODELAY kunde inte sättas: {e}");
        }
        let app = app.clone();
        tokio::spawn(async move {
            let service =
                hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                    let mut req = req.map(axum::body::Body::new);
                    req.extensions_mut()
                        .insert(axum::extract::ConnectInfo(peer));
                    app.clone().oneshot(req)
                });
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new())
                .header_read_timeout(header_timeout);
            if let Err(e) = http
                .serve_connection(TokioIo::new(zero_copy::Connection(stream)), service)
                .await
            {
                tracing::debug!("anslutningen från {peer} avslutades: {e}");
            }
            drop(permit);
        });
    }
    Ok(())
}

/// Serves on a new multi-threaded runtime until Ctrl-C (for the command line).
pub fn serve_blocking(state: AppState, addr: SocketAddr) -> anyhow::Result<()> {
    // The typesetter's fonts are loaded while the server starts, not by the first document.
    std::thread::spawn(|| {
        if let Err(e) = paragraf_app::warm_up() {
            tracing::warn!("typsättaren kunde inte värmas upp: {e}");
        }
    });
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(state, addr))
}
