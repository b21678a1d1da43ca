//! What the web tests share: the demo behind the router, requests and answers.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use chrono::NaiveDate;
use http_body_util::BodyExt;
use paragraf_app::demo::{demo_config, populate};
use paragraf_app::DataDir;
use paragraf_web::{router, AppState};
use tower::ServiceExt;

pub struct App {
    pub _tmp: tempfile::TempDir,
    pub router: Router,
    pub state: AppState,
}

pub fn today() -> NaiveDate {
    "2026-11-23".parse().unwrap()
}

/// A fresh installation: initialised, nothing in it, no accounts.
#[allow(dead_code)]
pub fn empty_app() -> App {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::init(&tmp.path().join("data"), &config()).unwrap();
    let state = AppState::new(dir).unwrap();
    App {
        _tmp: tmp,
        router: router(state.clone()),
        state,
    }
}

/// The demo's settings, on PostgreSQL when `PARAGRAF_TEST_POSTGRES` names a server (each
/// installation in a schema of its own), else on SQLite.
pub fn config() -> paragraf_app::Config {
    paragraf_app::Config {
        database: paragraf_app::DatabaseConfig::for_tests(),
        ..demo_config()
    }
}

pub fn app() -> App {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::init(&tmp.path().join("data"), &config()).unwrap();
    populate(&dir, today()).unwrap();
    paragraf_app::demo::accounts(&dir).unwrap();
    let mut state = AppState::new(dir).unwrap();
    state.fixed_today = Some(today());
    App {
        _tmp: tmp,
        router: router(state.clone()),
        state,
    }
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    pub bytes: Vec<u8>,
}

impl App {
    /// The demo's meeting (planned here, not imported) in `state`.
    pub fn demo_meeting(
        &self,
        state: paragraf_core::meeting::MeetingState,
    ) -> paragraf_core::ids::Record<paragraf_core::ids::MeetingId, paragraf_core::meeting::Meeting>
    {
        self.state
            .dir
            .storage_for_tests()
            .meetings()
            .unwrap()
            .into_iter()
            .find(|m| m.state() == state && m.source.is_none())
            .expect("the demo has a meeting in every state")
    }

    /// The same installation on another day: what a step dated by the law needs (a kallelse
    /// before the meeting's day, the meeting held on it).
    pub fn set_today(&mut self, day: NaiveDate) {
        self.state.fixed_today = Some(day);
        self.router = router(self.state.clone());
    }

    pub async fn send(&self, req: Request<Body>) -> Answer {
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Answer {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    /// GET `path`, following a redirect that keeps the method (301, 307, 308) as a browser
    /// does — an old address such as `/protokoll/N` leads to the permanent one; 303 (after a
    /// form) and others are answers.
    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Answer {
        let mut path = path.to_string();
        for _ in 0..5 {
            let mut b = Request::get(&path);
            if let Some(c) = cookie {
                b = b.header(header::COOKIE, c);
            }
            let answer = self.send(b.body(Body::empty()).unwrap()).await;
            let permanent = matches!(answer.status.as_u16(), 301 | 307 | 308);
            match answer.headers.get(header::LOCATION) {
                Some(to) if permanent => path = to.to_str().unwrap().to_string(),
                _ => return answer,
            }
        }
        panic!("more than 5 redirects from {path}");
    }

    pub async fn post_form(
        &self,
        path: &str,
        cookie: Option<&str>,
        form: &[(&str, &str)],
    ) -> Answer {
        let body = form
            .iter()
            .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let mut b = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::HOST, "127.0.0.1:8080");
        if let Some(c) = cookie {
            b = b.header(header::COOKIE, c);
        }
        self.send(b.body(Body::from(body)).unwrap()).await
    }

    pub async fn post_json(
        &self,
        path: &str,
        auth: Option<&str>,
        json: serde_json::Value,
    ) -> Answer {
        let mut b = Request::post(path).header(header::CONTENT_TYPE, "application/json");
        if let Some(t) = auth {
            b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        self.send(b.body(Body::from(json.to_string())).unwrap())
            .await
    }

    /// Logs in and returns the cookie and the CSRF token of the session.
    pub async fn login(&self, user: &str) -> (String, String) {
        let a = self
            .post_form(
                "/logga-in",
                None,
                &[("username", user), ("password", &format!("{user}-demo"))],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "login {user}: {}", a.body);
        let set = a
            .headers
            .get(header::SET_COOKIE)
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Strict"),
            "{set}"
        );
        let cookie = set.split(';').next().unwrap().to_string();
        let page = self.get("/konto/nycklar", Some(&cookie)).await;
        (cookie, csrf_from(&page.body))
    }
}

pub fn csrf_from(html: &str) -> String {
    html.split("name=\"csrf\" value=\"")
        .nth(1)
        .map(|s| s.split('"').next().unwrap().to_string())
        .unwrap_or_default()
}

pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|l| l.starts_with('/'))
        .map(|l| l.split('#').next().unwrap_or(l).to_string())
        .collect()
}

/// A request straight to a router, answered with its status and bytes.
pub trait Raw {
    async fn oneshot_raw(self, req: Request<Body>) -> (StatusCode, Vec<u8>);
}

impl Raw for Router {
    async fn oneshot_raw(self, req: Request<Body>) -> (StatusCode, Vec<u8>) {
        let res = self.oneshot(req).await.unwrap();
        let status = res.status();
        (
            status,
            res.into_body().collect().await.unwrap().to_bytes().to_vec(),
        )
    }
}

impl App {
    /// Logs in as `user` with `password`; the cookie and the CSRF token.
    pub async fn login_as(&self, user: &str, password: &str) -> (String, String) {
        let a = self
            .post_form(
                "/logga-in",
                None,
                &[("username", user), ("password", password)],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "login {user}: {}", a.body);
        let cookie = a.headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_string();
        let page = self.get("/konto/nycklar", Some(&cookie)).await;
        (cookie, csrf_from(&page.body))
    }

    /// A login attempt from a client address.
    pub async fn login_from(
        &self,
        user: &str,
        password: &str,
        from: axum::extract::ConnectInfo<std::net::SocketAddr>,
    ) -> Answer {
        let mut req = Request::post("/logga-in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!(
                "username={}&password={}",
                urlencode(user),
                urlencode(password)
            )))
            .unwrap();
        req.extensions_mut().insert(from);
        self.send(req).await
    }

    /// A new API token of the logged-in session.
    pub async fn token_for(&self, cookie: &str, csrf: &str) -> String {
        let a = self
            .api_session(
                "POST",
                "/api/v1/tokens",
                cookie,
                csrf,
                serde_json::json!({ "label": "test" }),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
        serde_json::from_str::<serde_json::Value>(&a.body).unwrap()["token"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// An API call with a token.
    pub async fn api(
        &self,
        method: &str,
        path: &str,
        token: &str,
        json: serde_json::Value,
    ) -> Answer {
        let mut b = Request::builder()
            .method(method)
            .uri(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"));
        if !json.is_null() {
            b = b.header(header::CONTENT_TYPE, "application/json");
        }
        let body = if json.is_null() {
            Body::empty()
        } else {
            Body::from(json.to_string())
        };
        self.send(b.body(body).unwrap()).await
    }

    /// An API call with a session cookie and its CSRF token.
    pub async fn api_session(
        &self,
        method: &str,
        path: &str,
        cookie: &str,
        csrf: &str,
        json: serde_json::Value,
    ) -> Answer {
        let req = Request::builder()
            .method(method)
            .uri(path)
            .header(header::COOKIE, cookie)
            .header("x-csrf-token", csrf)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(json.to_string()))
            .unwrap();
        self.send(req).await
    }
}

/// The chair and the first justerare approve drafted minutes, and they are posted today.
pub fn adjust_and_post(app: &App, id: paragraf_core::ids::MeetingId, storage: &str) {
    use paragraf_app::meeting::cycle;
    use paragraf_core::minutes::SignerRole;
    let dir = &app.state.dir;
    let minutes = dir.storage_for_tests().minutes(id).unwrap().unwrap();
    let now = app.state.now();
    let chair = minutes.chair().unwrap();
    let adjuster = minutes.adjusters()[0];
    for (who, role) in [(chair, SignerRole::Chair), (adjuster, SignerRole::Adjuster)] {
        cycle::approve(dir, id, who, role, vec![], &cycle::InAppApproval { now }).unwrap();
    }
    cycle::post_minutes(dir, id, today(), storage, today()).unwrap();
}

/// A posted meeting, and the case of the registry that one of its public §§ names (made
/// with the §'s diarienummer when the registry lacks it), with that diarienummer.
pub fn case_of_a_public_paragraph(
    app: &App,
) -> (
    paragraf_core::ids::MeetingId,
    paragraf_core::ids::Record<paragraf_core::ids::CaseId, paragraf_core::registry::Case>,
    String,
) {
    let dir = &app.state.dir;
    let store = dir.storage_for_tests();
    let posted = store
        .meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.state() == paragraf_core::meeting::MeetingState::Posted && m.source.is_none())
        .unwrap()
        .id;
    let pm = paragraf_app::meeting::publication::published(dir, posted)
        .unwrap()
        .unwrap();
    let dnr = pm
        .minutes
        .paragraphs()
        .iter()
        .filter(|p| {
            pm.publication.iter().any(|(n, x)| {
                *n == p.number && *x == paragraf_core::publication::Publication::Public
            })
        })
        .find_map(|p| p.case_number.clone())
        .expect("a public § of the posted minutes names a case");
    let case = match store.case_by_dnr(&dnr).unwrap() {
        Some(c) => c,
        None => store
            .register_case(
                &paragraf_core::registry::Case::new(
                    paragraf_core::dnr::Dnr::parse(&dnr).unwrap(),
                    "Ärendet",
                    Some(store.meeting(posted).unwrap().body),
                    paragraf_core::registry::Secrecy::Public,
                    today(),
                )
                .unwrap(),
            )
            .unwrap(),
    };
    (posted, case, dnr)
}

/// A PDF (PDF/A, by the typesetter) whose text is `text`.
pub fn text_pdf(text: &str) -> Vec<u8> {
    paragraf_render::report_pdf(&paragraf_render::report::ReportDoc {
        municipality: "Demo kommun".into(),
        body: "Socialnämnden".into(),
        kind: "Tjänsteskrivelse".into(),
        date: today(),
        title: "Tjänsteskrivelse".into(),
        subtitle: None,
        facts: vec![],
        sections: vec![paragraf_render::report::ReportSection {
            heading: "Ärendet".into(),
            text: text.into(),
            tables: vec![],
            charts: vec![],
            new_page: false,
        }],
        landscape: false,
    })
    .unwrap()
}

/// Whether the tests run on PostgreSQL (`PARAGRAF_TEST_POSTGRES`).
pub fn on_postgres() -> bool {
    std::env::var("PARAGRAF_TEST_POSTGRES").is_ok_and(|u| !u.is_empty())
}

/// Someone with access to the database itself, behind Paragraf's back (the SQLite file, or
/// the PostgreSQL schema of the installation).
pub enum Database {
    Sqlite(rusqlite::Connection),
    Postgres(paragraf_app::DatabaseConfig),
}

impl Database {
    pub fn open(app: &App) -> Database {
        match paragraf_app::DatabaseConfig::resolve(app.state.dir.config().database.as_ref()) {
            None => Database::Sqlite(
                rusqlite::Connection::open(app.state.dir.path.join("paragraf.db")).unwrap(),
            ),
            Some(db) => Database::Postgres(db),
        }
    }

    /// Runs `f` on a connection to the PostgreSQL schema, on a thread outside the test's
    /// runtime (the `postgres` client starts one of its own, which may not be nested).
    fn pg<T: Send>(
        db: &paragraf_app::DatabaseConfig,
        f: impl FnOnce(&mut postgres::Client) -> T + Send,
    ) -> T {
        std::thread::scope(|s| {
            s.spawn(|| {
                let mut c = postgres::Client::connect(&db.url, postgres::NoTls).unwrap();
                if let Some(schema) = &db.schema {
                    c.batch_execute(&format!("SET search_path = {schema}"))
                        .unwrap();
                }
                f(&mut c)
            })
            .join()
            .unwrap()
        })
    }

    /// Runs `sqlite` on SQLite and `pg` on PostgreSQL (no parameters).
    pub fn batch(&mut self, sqlite: &str, pg: &str) {
        match self {
            Database::Sqlite(c) => c.execute_batch(sqlite).unwrap(),
            Database::Postgres(db) => Self::pg(db, |c| c.batch_execute(pg).unwrap()),
        }
    }

    /// The text the query `sql` (with `?1` for `id`) gives.
    pub fn text(&mut self, sql: &str, id: i64) -> String {
        match self {
            Database::Sqlite(c) => c.query_row(sql, [id], |r| r.get(0)).unwrap(),
            Database::Postgres(db) => Self::pg(db, |c| {
                c.query_one(&sql.replace("?1", "$1"), &[&id])
                    .unwrap()
                    .get(0)
            }),
        }
    }

    /// Runs `sql` with `?1` a text and `?2` an id.
    pub fn set_text(&mut self, sql: &str, text: &str, id: i64) {
        match self {
            Database::Sqlite(c) => {
                c.execute(sql, rusqlite::params![text, id]).unwrap();
            }
            Database::Postgres(db) => {
                Self::pg(db, |c| {
                    c.execute(&sql.replace("?1", "$1").replace("?2", "$2"), &[&text, &id])
                        .unwrap()
                });
            }
        }
    }
}
