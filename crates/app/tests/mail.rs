//! E-mail through a real SMTP server (Python's aiosmtpd, which `scripts/test` installs,
//! writing what it receives to a Maildir): the members' notices of a kallelse, a
//! protokollsutdrag with its PDF, a letter recorded as sent by post, and a failure that is
//! recorded and sent on a later try.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use chrono::{Duration, Utc};
use mail_parser::MimeHeaders;
use paragraf_app::demo::{demo_config, populate};
use paragraf_app::mail::{self, DispatchKind, DispatchStatus, ExtractTo, MailConfig, Security};
use paragraf_app::DataDir;
use paragraf_core::meeting::MeetingState;

/// aiosmtpd on `port`, writing to `maildir`; stopped when dropped.
struct Smtp(Child);

impl Smtp {
    fn start(port: u16, maildir: &Path) -> Smtp {
        let mut child = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 -m aiosmtpd (scripts/test installs aiosmtpd)");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Smtp(child);
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("aiosmtpd started on no port {port}: is it installed? (python3 -m pip install aiosmtpd)");
    }
}

impl Drop for Smtp {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Every message in the Maildir, raw.
fn received(maildir: &Path) -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(maildir.join("new"))
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files.iter().map(|f| std::fs::read(f).unwrap()).collect()
}

#[test]
fn notices_and_extracts_go_through_a_real_smtp_server_and_failures_are_retried() {
    let tmp = tempfile::tempdir().unwrap();
    let maildir = tmp.path().join("maildir");
    let port = free_port();
    let mut config = demo_config();
    config.server.public_url = Some("https://paragraf.demoby.se".into());
    config.mail = Some(MailConfig {
        host: "127.0.0.1".into(),
        port: Some(port),
        security: Security::None,
        from: "paragraf@demoby.se".into(),
        from_name: None,
    });
    let dir = DataDir::init(&tmp.path().join("data"), &config).unwrap();
    let today = "2026-11-23".parse().unwrap();
    populate(&dir, today).unwrap();
    paragraf_app::demo::accounts(&dir).unwrap();
    let secretary = paragraf_app::accounts::user_by_name(&dir, "sekreterare")
        .unwrap()
        .unwrap();

    // The demo's kallelser queued their notices; nothing is sent without a server.
    let meetings = dir.meetings().unwrap();
    let notified = meetings
        .iter()
        .find(|m| m.state() == MeetingState::Notified && m.source.is_none())
        .unwrap();
    let queued = mail::dispatches(&dir, &secretary, notified.id).unwrap();
    let recipients = notified.summons().unwrap().recipients.len();
    assert_eq!(queued.len(), recipients, "one notice per person called");
    assert!(queued
        .iter()
        .all(|d| d.kind == DispatchKind::Notice && d.status == DispatchStatus::Queued));
    let now = Utc::now();
    let down = mail::deliver_due(&dir, now).unwrap();
    assert_eq!(down.sent, 0);
    assert!(down.failed > 0, "a refused connection is a failed try");
    let failed = mail::dispatches(&dir, &secretary, notified.id).unwrap();
    assert!(failed.iter().all(|d| d.status == DispatchStatus::Queued
        && d.attempts == 1
        && d.last_error.is_some()
        && d.next_attempt.is_some()));
    assert_eq!(
        mail::deliver_due(&dir, now).unwrap(),
        Default::default(),
        "not before its time"
    );

    // With the server up, the next round sends them.
    let _smtp = Smtp::start(port, &maildir);
    let later = now + Duration::minutes(2);
    let round = mail::deliver_due(&dir, later).unwrap();
    assert_eq!(round.failed, 0);
    assert_eq!(round.sent, down.failed);
    let sent = mail::dispatches(&dir, &secretary, notified.id).unwrap();
    assert!(sent
        .iter()
        .all(|d| d.status == DispatchStatus::Sent && d.message_id.is_some()));
    let messages = received(&maildir);
    assert_eq!(messages.len(), round.sent);
    let leila = sent.iter().find(|d| d.recipient == "Leila Haddad").unwrap();
    let raw = messages
        .iter()
        .map(|m| mail_parser::MessageParser::default().parse(m).unwrap())
        .find(|m| m.message_id().map(|i| format!("<{i}>")) == leila.message_id)
        .expect("Leila Haddad's notice arrived");
    assert_eq!(
        raw.to().and_then(|t| t.first()).and_then(|a| a.address()),
        leila.address.as_deref()
    );
    assert_eq!(
        raw.subject(),
        Some(format!("Kallelse: Socialnämnden {}", notified.date).as_str())
    );
    assert_eq!(
        raw.message_id().map(|i| format!("<{i}>")),
        leila.message_id.clone()
    );
    let from = raw.from().unwrap().first().unwrap();
    assert_eq!(
        (from.name(), from.address()),
        (Some("Demoby kommun"), Some("paragraf@demoby.se"))
    );
    let text = raw.body_text(0).unwrap();
    assert!(text.contains("Hej Leila Haddad!"), "{text}");
    assert!(text.contains(&format!(
        "https://paragraf.demoby.se/sammantraden/{}",
        notified.id
    )));
    assert!(raw
        .body_html(0)
        .unwrap()
        .contains("<a href=\"https://paragraf.demoby.se/sammantraden/"));
    assert_eq!(raw.attachment_count(), 0, "no handling goes by e-mail");
    // The föredragningslista is in the message: each item by its title, a secret one (or
    // one of a secret case) only by a notice.
    assert!(text.contains("Föredragningslista:"), "{text}");
    for item in notified.agenda() {
        let secret = item.secrecy.is_secret()
            || item
                .case
                .is_some_and(|c| dir.case(c).unwrap().secrecy.is_secret());
        let line = format!("{}. {}", item.position, item.title);
        assert_eq!(text.contains(&line), !secret, "{line}");
        if secret {
            assert!(!text.contains(&item.title), "{}", item.title);
            assert!(text.contains(&format!(
                "{}. Ärende som omfattas av sekretess",
                item.position
            )));
        }
    }

    // Expediering after justering: by e-mail with the PDF, and by post.
    let adjusted = meetings
        .iter()
        .find(|m| m.state() == MeetingState::Posted && m.source.is_none())
        .unwrap();
    let number = dir.minutes(adjusted.id).unwrap().unwrap().paragraphs()[0].number;
    let by_mail = mail::dispatch_extract(
        &dir,
        &secretary,
        adjusted.id,
        number,
        &ExtractTo {
            recipient: "Individ- och familjeomsorgen".into(),
            email: Some("ifo@demoby.se".into()),
        },
        today,
    )
    .unwrap();
    let by_post = mail::dispatch_extract(
        &dir,
        &secretary,
        adjusted.id,
        number,
        &ExtractTo {
            recipient: "Länsstyrelsen Värmland".into(),
            email: None,
        },
        today,
    )
    .unwrap();
    assert_eq!(
        by_post.status,
        DispatchStatus::Sent,
        "a letter is recorded when marked"
    );
    assert_eq!(by_mail.status, DispatchStatus::Queued);
    // Bad input names its field.
    let bad = mail::dispatch_extract(
        &dir,
        &secretary,
        adjusted.id,
        number,
        &ExtractTo {
            recipient: "X".into(),
            email: Some("inte en adress".into()),
        },
        today,
    )
    .unwrap_err();
    assert!(format!("{bad:#}").contains("ingen e-postadress"), "{bad:#}");
    // A secret § goes by post only: e-mail is refused with its field named.
    let secret_number = dir
        .minutes(adjusted.id)
        .unwrap()
        .unwrap()
        .paragraphs()
        .iter()
        .find(|p| p.secrecy.is_secret())
        .expect("the demo's posted meeting has a secret §")
        .number;
    let refused = mail::dispatch_extract(
        &dir,
        &secretary,
        adjusted.id,
        secret_number,
        &ExtractTo {
            recipient: "Familjen".into(),
            email: Some("familj@example.se".into()),
        },
        today,
    )
    .unwrap_err();
    assert!(
        format!("{refused:#}").contains("expedieras med post"),
        "{refused:#}"
    );
    // A member may not expediera.
    let member = paragraf_app::accounts::user_by_name(&dir, "ledamot")
        .unwrap()
        .unwrap();
    assert!(mail::dispatch_extract(
        &dir,
        &member,
        adjusted.id,
        number,
        &ExtractTo {
            recipient: "X".into(),
            email: None
        },
        today
    )
    .is_err());
    assert_eq!(mail::deliver_due(&dir, Utc::now()).unwrap().sent, 1);
    let extract = received(&maildir)
        .iter()
        .map(|m| {
            mail_parser::MessageParser::default()
                .parse(m)
                .unwrap()
                .into_owned()
        })
        .find(|m| m.to().and_then(|t| t.first()).and_then(|a| a.address()) == Some("ifo@demoby.se"))
        .expect("the extract arrived");
    assert_eq!(extract.attachment_count(), 1);
    let pdf = extract.attachment(0).unwrap();
    assert!(pdf.contents().starts_with(b"%PDF-"));
    assert!(pdf
        .attachment_name()
        .unwrap()
        .ends_with(&format!("§{number}.pdf")));
    let list: Vec<_> = mail::dispatches(&dir, &secretary, adjusted.id)
        .unwrap()
        .into_iter()
        .filter(|d| d.kind == DispatchKind::Extract)
        .collect();
    assert!(list
        .iter()
        .all(|d| d.status == DispatchStatus::Sent && d.paragraph == Some(number)));
    assert_eq!(list.len(), 2);
    // The case of the § shows it expedierat.
    let minutes = dir.minutes(adjusted.id).unwrap().unwrap();
    if let Some(case) = minutes.paragraphs()[0].case {
        let on_case = mail::expedited_for_case(&dir, &secretary, case).unwrap();
        assert_eq!(on_case.len(), 2);
        assert!(on_case
            .iter()
            .all(|(m, n, _)| *m == adjusted.id && *n == number));
        assert!(mail::expedited_for_case(&dir, &member, case)
            .unwrap()
            .is_empty());
    } else {
        panic!("the demo's first § has a case");
    }
}
