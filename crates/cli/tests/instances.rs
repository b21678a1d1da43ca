//! Two `paragraf serve` processes on one PostgreSQL database serve the same data: a write
//! through one is read through the other on the next request, a session made on one is
//! known to the other, writers on both number cases without gaps or duplicates, and
//! killing one with SIGKILL mid-write loses nothing it acknowledged. Runs when
//! `PARAGRAF_TEST_POSTGRES` names a server (`scripts/test` starts one).

use std::collections::BTreeSet;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// The PostgreSQL server of the test run (`scripts/test` starts one); without it the test
/// says so and does nothing.
fn postgres() -> Option<String> {
    server("PARAGRAF_TEST_POSTGRES", "PostgreSQL-testet")
}

/// The address in the environment variable `name`, if set; without it, `test` says so.
fn server(name: &str, test: &str) -> Option<String> {
    let url = std::env::var(name).ok().filter(|u| !u.is_empty());
    if url.is_none() {
        eprintln!("{name} saknas: {test} hoppas över");
    }
    url
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_paragraf")
}

/// A port nobody listens on now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Instance {
    child: Child,
    base: String,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn command(url: &str, schema: &str) -> Command {
    let mut c = Command::new(bin());
    c.env("PARAGRAF_DATABASE_URL", url)
        .env("PARAGRAF_DATABASE_SCHEMA", schema)
        .env("RUST_LOG", "warn");
    c
}

/// The demo installed on PostgreSQL at `url`, in `schema`: its temporary directory and
/// its data directory.
fn demo_on(url: &str, schema: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    run_demo(command(url, schema), &data);
    (tmp, data)
}

/// `c` makes the demo in `dir`, without serving it.
fn run_demo(mut c: Command, dir: &std::path::Path) {
    succeeded(c.args(["demo", "--no-serve", "--data"]).arg(dir));
}

/// What `c` printed, once it has succeeded.
fn succeeded(c: &mut Command) -> std::process::Output {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn serve(data: &std::path::Path, url: &str, schema: &str) -> Instance {
    serve_with(data, command(url, schema))
}

/// `c` serving `data` on a free port, once it is ready.
fn serve_with(data: &std::path::Path, mut c: Command) -> Instance {
    let port = free_port();
    c.args(["serve", "--data"])
        .arg(data)
        .args(["--addr", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    let instance = Instance {
        child: c.spawn().unwrap(),
        base: format!("http://127.0.0.1:{port}"),
    };
    let client = http();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(r) = client.get(format!("{}/readyz", instance.base)).send() {
            if r.status().is_success() {
                return instance;
            }
        }
        assert!(
            Instant::now() < deadline,
            "{} never got ready",
            instance.base
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn http() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// Logs in on `base`; the session cookie and the CSRF token.
fn login(base: &str, user: &str) -> (String, String) {
    let client = http();
    let r = client
        .post(format!("{base}/logga-in"))
        .form(&[("username", user), ("password", &format!("{user}-demo"))])
        .send()
        .unwrap();
    assert_eq!(r.status().as_u16(), 303, "login {user}");
    let cookie = r.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let page = client
        .get(format!("{base}/konto/nycklar"))
        .header("cookie", &cookie)
        .send()
        .unwrap()
        .text()
        .unwrap();
    let csrf = page
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    (cookie, csrf)
}

/// Registers a case through the API of `base`; its diarienummer when acknowledged.
fn register(
    client: &reqwest::blocking::Client,
    base: &str,
    token: &str,
    title: &str,
) -> Option<String> {
    let r = client
        .post(format!("{base}/api/v1/cases"))
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body(json!({ "title": title, "date": "2026-11-23" }).to_string())
        .send()
        .ok()?;
    if r.status().as_u16() != 201 {
        return None;
    }
    let v: Value = r.json().ok()?;
    Some(v["dnr"].as_str()?.to_string())
}

/// The sequence number of a diarienummer (its last digits: "SOC 2026/12", "SN 2026.0012").
fn sequence(dnr: &str) -> u32 {
    let digits = dnr.len() - dnr.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    dnr[dnr.len() - digits..].parse().unwrap()
}

/// A diarienummer without its sequence number: its series and year.
fn series(dnr: &str) -> &str {
    dnr.trim_end_matches(|c: char| c.is_ascii_digit())
}

fn cases(base: &str, token: &str) -> Vec<Value> {
    let r = http()
        .get(format!("{base}/api/v1/cases?limit=1000"))
        .bearer_auth(token)
        .send()
        .unwrap();
    let total: usize = r.headers()["x-total-count"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let list: Vec<Value> = r.json().unwrap();
    assert_eq!(list.len(), total, "more than one page of cases");
    list
}

#[test]
fn two_instances_serve_one_postgresql_database() {
    let Some(url) = postgres() else { return };
    let schema = format!("instances_{}", std::process::id());
    let (_tmp, data) = demo_on(&url, &schema);
    assert!(
        !data.join("paragraf.db").exists(),
        "the data went to PostgreSQL"
    );

    let a = serve(&data, &url, &schema);
    let b = serve(&data, &url, &schema);

    // A session made through one instance is known to the other.
    let (cookie, csrf) = login(&a.base, "sekreterare");
    let client = http();
    let r = client
        .post(format!("{}/api/v1/tokens", b.base))
        .header("cookie", &cookie)
        .header("x-csrf-token", &csrf)
        .header("content-type", "application/json")
        .body(json!({ "label": "instanser" }).to_string())
        .send()
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let token = r.json::<Value>().unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();

    // Failed logins through one hold back the next attempt through the other: the
    // throttle's counts are in the database (3 free failures per address and name).
    for _ in 0..3 {
        let r = client
            .post(format!("{}/logga-in", a.base))
            .form(&[("username", "ordforande"), ("password", "fel")])
            .send()
            .unwrap();
        assert_eq!(r.status().as_u16(), 401);
    }
    let r = client
        .post(format!("{}/logga-in", b.base))
        .form(&[("username", "ordforande"), ("password", "ordforande-demo")])
        .send()
        .unwrap();
    assert_eq!(
        r.status().as_u16(),
        429,
        "the other instance knows the failures"
    );

    // A write through one is read through the other on the next request, list included
    // (each instance caches lists by the database's generation).
    let before = cases(&b.base, &token).len();
    let dnr = register(&client, &a.base, &token, "Skrivet genom A").unwrap();
    let listed = cases(&b.base, &token);
    assert_eq!(listed.len(), before + 1);
    assert!(
        listed.iter().any(|c| c["dnr"] == dnr.as_str()),
        "{dnr} not seen through B"
    );

    // Eight writers, four on each instance, at the same moment: every number once, no gap.
    let acked = Arc::new(Mutex::new(vec![dnr.clone()]));
    std::thread::scope(|s| {
        for w in 0..8 {
            let base = if w % 2 == 0 {
                a.base.clone()
            } else {
                b.base.clone()
            };
            let (token, acked) = (token.clone(), acked.clone());
            s.spawn(move || {
                let client = http();
                for i in 0..10 {
                    let dnr =
                        register(&client, &base, &token, &format!("Skrivare {w}, ärende {i}"))
                            .expect("a write was refused");
                    acked.lock().unwrap().push(dnr);
                }
            });
        }
    });
    let numbers = |dnrs: &[String]| -> Vec<u32> {
        let mut n: Vec<u32> = dnrs.iter().map(|d| sequence(d)).collect();
        n.sort_unstable();
        n
    };
    let got = numbers(&acked.lock().unwrap());
    assert_eq!(got.len(), 81);
    assert_eq!(
        got.iter().collect::<BTreeSet<_>>().len(),
        got.len(),
        "a diarienummer was given twice: {got:?}"
    );
    assert_eq!(got.last().unwrap() - got[0] + 1, 81, "a gap in {got:?}");

    // One instance is killed with SIGKILL while writes go to it: every write it
    // acknowledged is there, read through the other, and the numbers still have no gap.
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let on_b = Arc::new(Mutex::new(Vec::new()));
    let mut b = b;
    std::thread::scope(|s| {
        for w in 0..4 {
            let (base, token, on_b, stop) =
                (b.base.clone(), token.clone(), on_b.clone(), stop.clone());
            s.spawn(move || {
                let client = http();
                let mut i = 0;
                while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                    match register(&client, &base, &token, &format!("Före döden {w}.{i}")) {
                        Some(dnr) => on_b.lock().unwrap().push(dnr),
                        None => break,
                    }
                    i += 1;
                }
            });
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        while on_b.lock().unwrap().len() < 20 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        b.child.kill().unwrap(); // SIGKILL
        b.child.wait().unwrap();
        stop.store(true, std::sync::atomic::Ordering::SeqCst);
    });
    let acknowledged = on_b.lock().unwrap().clone();
    assert!(
        acknowledged.len() >= 20,
        "only {} writes before the kill",
        acknowledged.len()
    );
    let after = cases(&a.base, &token);
    let stored: BTreeSet<String> = after
        .iter()
        .map(|c| c["dnr"].as_str().unwrap().to_string())
        .collect();
    for dnr in &acknowledged {
        assert!(stored.contains(dnr), "{dnr} was acknowledged and is lost");
    }
    // Numbering goes on through the instance still running: every number from the first
    // written before the kill to the next one given now is there, once.
    let next = register(&client, &a.base, &token, "Efter döden").unwrap();
    let lo = acknowledged.iter().map(|d| sequence(d)).min().unwrap();
    let hi = sequence(&next);
    let mut present: Vec<u32> = stored
        .iter()
        .filter(|d| series(d) == series(&next))
        .map(|d| sequence(d))
        .filter(|n| (lo..hi).contains(n))
        .collect();
    present.sort_unstable();
    assert_eq!(
        present,
        (lo..hi).collect::<Vec<_>>(),
        "numbers {lo}..{hi} are each there once"
    );
}

/// The demo on SQLite in `dir`.
fn demo(dir: &std::path::Path) {
    let mut c = Command::new(bin());
    c.env_remove("PARAGRAF_DATABASE_URL");
    run_demo(c, dir);
}

fn db_copy(dir: &std::path::Path, url: &str, schema: &str) -> std::process::Output {
    Command::new(bin())
        .args(["db", "copy", "--json", "--from"])
        .arg(dir)
        .args(["--to", url, "--schema", schema])
        .env_remove("PARAGRAF_DATABASE_URL")
        .output()
        .unwrap()
}

#[test]
fn db_copy_moves_the_demo_with_every_seal_verified_on_the_target() {
    let Some(url) = postgres() else { return };
    let schema = format!("copy_{}", std::process::id());
    let tmp = tempfile::tempdir().unwrap();
    let (moved, twin) = (tmp.path().join("moved"), tmp.path().join("twin"));
    demo(&moved);
    demo(&twin);

    let out = db_copy(&moved, &url, &schema);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["rows"].as_u64().unwrap() > 100, "{report}");
    assert!(
        report["check"]["seals_checked"].as_u64().unwrap() >= 1,
        "{report}"
    );
    assert_eq!(report["check"]["seals_failed"], json!([]));
    let config = std::fs::read_to_string(moved.join("paragraf.toml")).unwrap();
    assert!(
        config.contains("[database]") && config.contains(&schema),
        "{config}"
    );
    assert!(!moved.join("paragraf.db").exists());
    assert!(moved.join("paragraf.db.före-postgresql").exists());

    // Numbering goes on where it stood: the moved installation and its twin on SQLite give
    // the next case the same diarienummer.
    let add = |dir: &std::path::Path| {
        let out = succeeded(
            Command::new(bin())
                .args(["case", "add", "--json", "--data"])
                .arg(dir)
                .arg("Efter flytten")
                .env_remove("PARAGRAF_DATABASE_URL"),
        );
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["dnr"].clone()
    };
    assert_eq!(add(&moved), add(&twin));

    // A target that is not empty is refused, and the twin stays on SQLite.
    let out = db_copy(&twin, &url, &schema);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("inte tom"));
    assert!(!std::fs::read_to_string(twin.join("paragraf.toml"))
        .unwrap()
        .contains("[database]"));

    // Minutes changed behind the seal's back are not moved: the copy is refused and the
    // installation stays on its SQLite file.
    assert!(
        tamper_sealed_minutes(&twin),
        "the twin has sealed minutes to tamper with"
    );
    let out = db_copy(&twin, &url, &format!("{schema}_b"));
    assert!(!out.status.success(), "a broken seal was moved");
    assert!(String::from_utf8_lossy(&out.stderr).contains("fortfarande SQLite"));
    assert!(!std::fs::read_to_string(twin.join("paragraf.toml"))
        .unwrap()
        .contains("[database]"));
}

/// Changes the text of one sealed protocol in the SQLite file, behind Paragraf's back (its
/// guarding trigger dropped first). True when a row was changed.
fn tamper_sealed_minutes(dir: &std::path::Path) -> bool {
    let c = rusqlite::Connection::open(dir.join("paragraf.db")).unwrap();
    c.execute_batch("DROP TRIGGER minutes_sealed_no_update")
        .unwrap();
    c.execute(
        "UPDATE minutes SET data = replace(data, 'att', 'att inte') WHERE sealed = 1
         AND meeting_id = (SELECT min(meeting_id) FROM minutes WHERE sealed = 1)",
        [],
    )
    .unwrap()
        == 1
}

/// The hot standby the tests' cluster streams to (`scripts/pg-cluster replica`), if any.
fn replica() -> Option<String> {
    server("PARAGRAF_TEST_POSTGRES_REPLICA", "testet av läsrepliken")
}

/// The generation of `schema` as the server at `url` has it.
fn generation_at(url: &str, schema: &str) -> i64 {
    let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
    c.query_one(
        &format!("SELECT generation FROM {schema}.paragraf_meta"),
        &[],
    )
    .unwrap()
    .get(0)
}

/// Waits until the standby has replayed what the primary has of `schema`.
fn caught_up(primary: &str, standby: &str, schema: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let want = generation_at(primary, schema);
        let got = std::panic::catch_unwind(|| generation_at(standby, schema)).ok();
        if got == Some(want) {
            return;
        }
        assert!(Instant::now() < deadline, "the standby never caught up");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// `GET base + path`, with a session cookie when given; the page's text.
fn page(base: &str, path: &str, cookie: Option<&str>) -> String {
    let mut r = http().get(format!("{base}{path}"));
    if let Some(c) = cookie {
        r = r.header("cookie", c);
    }
    let r = r.send().unwrap();
    assert_eq!(r.status().as_u16(), 200, "{path}");
    r.text().unwrap()
}

/// With `[database] read_url`, the public site reads from the hot standby, while the
/// workspace reads the primary: a change made while the standby's replay is paused is seen
/// at once in the workspace and on the public site only when the standby has replayed it.
#[test]
fn the_public_site_reads_from_the_read_replica() {
    let (Some(url), Some(standby)) = (postgres(), replica()) else {
        return;
    };
    let schema = format!("replica_{}", std::process::id());
    let (_tmp, data) = demo_on(&url, &schema);
    caught_up(&url, &standby, &schema);

    // A replica more than 3 s behind is passed over.
    let toml = data.join("paragraf.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    assert!(text.contains("[database]\n"), "{text}");
    std::fs::write(
        &toml,
        text.replace("[database]\n", "[database]\nread_max_lag = 3\n"),
    )
    .unwrap();
    let mut c = command(&url, &schema);
    c.env("PARAGRAF_DATABASE_READ_URL", &standby);
    let a = serve_with(&data, c);
    let (cookie, _) = login(&a.base, "admin");
    // The server checks the replica every second: in step after the first checks.
    std::thread::sleep(Duration::from_secs(3));

    let mut standby_client = postgres::Client::connect(&standby, postgres::NoTls).unwrap();
    let primary =
        std::cell::RefCell::new(postgres::Client::connect(&url, postgres::NoTls).unwrap());
    let mut paused = |f: &dyn Fn()| {
        standby_client
            .batch_execute("SELECT pg_wal_replay_pause()")
            .unwrap();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
        standby_client
            .batch_execute("SELECT pg_wal_replay_resume()")
            .unwrap();
        if let Err(e) = outcome {
            std::panic::resume_unwind(e);
        }
    };
    let rename = |from: &str, to: &str| {
        primary
            .borrow_mut()
            .batch_execute(&format!(
                "UPDATE {schema}.bodies SET name = '{to}' WHERE name = '{from}'"
            ))
            .unwrap();
    };
    let eventually = |path: &str, text: &str, why: &str| {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !page(&a.base, path, None).contains(text) {
            assert!(Instant::now() < deadline, "{why}");
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    paused(&|| {
        rename("Socialnämnden", "Omsorgsnämnden");
        // The workspace reads the primary: the new name at once.
        assert!(page(&a.base, "/admin/organisation", Some(&cookie)).contains("Omsorgsnämnden"));
        // The public site reads the paused standby: the old name still.
        let public = page(&a.base, "/organ", None);
        assert!(public.contains("Socialnämnden") && !public.contains("Omsorgsnämnden"));
        assert!(!page(&a.base, "/api/v1/bodies", None).contains("Omsorgsnämnden"));
        // Still paused past the allowed lag, the standby is passed over: the public site
        // reads the primary rather than serve what may have been withdrawn since.
        eventually(
            "/organ",
            "Omsorgsnämnden",
            "a standby stuck behind was never passed over",
        );
    });
    // Replayed, the standby is read again: a change made while it is paused again is not
    // on the public site until it is replayed.
    std::thread::sleep(Duration::from_secs(3));
    paused(&|| {
        rename("Omsorgsnämnden", "Välfärdsnämnden");
        let public = page(&a.base, "/organ", None);
        assert!(
            public.contains("Omsorgsnämnden") && !public.contains("Välfärdsnämnden"),
            "the standby in step is read again"
        );
    });
    eventually(
        "/organ",
        "Välfärdsnämnden",
        "the public site never saw the replayed change",
    );
    assert!(http()
        .get(format!("{}/readyz", a.base))
        .send()
        .unwrap()
        .status()
        .is_success());
}
