//! E-post and utskick: the members' notice that a kallelse went out (or changed, or got a
//! tilläggsärende, or the meeting was called off) with a link to the reading room — never
//! the secret handlingar themselves; the expediering of protokollsutdrag after justering,
//! by e-mail with the PDF or recorded as sent by post. Every message goes through the
//! store's outbox: queued in the same transaction as the step that causes it, then sent by
//! [`deliver_due`] over SMTP (lettre), each try recorded; a failure is tried again later
//! and, after the last try, shown to the secretary, who can send it again.

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use lettre::message::{header::ContentType, Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Message, SmtpTransport, Transport};
use paragraf_core::ids::{MeetingId, PersonId};
use paragraf_core::meeting::Meeting;
pub use paragraf_store::{Dispatch, DispatchKind, DispatchMethod, DispatchStatus};
use paragraf_store::{NewDispatch, Storage};
use serde::{Deserialize, Serialize};

use crate::{DataDir, Error};

/// `[mail]`: the SMTP server that sends Paragraf's e-mail. The user name and password come
/// from the environment (`PARAGRAF_SMTP_USER`, `PARAGRAF_SMTP_PASSWORD`), never the file.
/// Without this section, utskick wait in the queue and the meeting page says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailConfig {
    /// The server's host name.
    pub host: String,
    /// Its port (default 587 with STARTTLS, 465 with TLS, 25 without).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    /// `starttls` (default), `tls`, or `none` (only for a server on this machine).
    #[serde(default)]
    pub security: Security,
    /// The sender's address, such as "paragraf@kommun.se".
    pub from: String,
    /// The sender's name (default: the municipality's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_name: Option<String>,
}

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// STARTTLS, required.
    #[default]
    Starttls,
    /// TLS from the first byte.
    Tls,
    /// None: plain SMTP, for a relay on localhost.
    None,
}

impl MailConfig {
    /// Checks the section: a host, and a sender that is an e-mail address.
    pub fn validate(&self) -> Result<()> {
        let host = self.host.trim();
        if host.is_empty() {
            anyhow::bail!("[mail] host saknas");
        }
        if self.security == Security::None && !matches!(host, "localhost" | "127.0.0.1" | "::1") {
            anyhow::bail!(
                "[mail] security = \"none\" skickar okrypterat och gäller bara en server på den här datorn (localhost), inte {host:?}"
            );
        }
        self.from.trim().parse::<lettre::Address>().map_err(|e| {
            anyhow::anyhow!("[mail] from {:?} är ingen e-postadress: {e}", self.from)
        })?;
        Ok(())
    }

    fn transport(&self) -> Result<SmtpTransport> {
        let host = self.host.trim();
        let builder = match self.security {
            Security::None => SmtpTransport::builder_dangerous(host).port(self.port.unwrap_or(25)),
            Security::Starttls => SmtpTransport::starttls_relay(host)
                .context("[mail] STARTTLS")?
                .port(self.port.unwrap_or(587)),
            Security::Tls => SmtpTransport::relay(host)
                .context("[mail] TLS")?
                .port(self.port.unwrap_or(465)),
        };
        let builder = builder.timeout(Some(std::time::Duration::from_secs(20)));
        Ok(match std::env::var("PARAGRAF_SMTP_USER") {
            Ok(user) if !user.is_empty() => builder
                .credentials(Credentials::new(
                    user,
                    std::env::var("PARAGRAF_SMTP_PASSWORD").unwrap_or_default(),
                ))
                .build(),
            _ => builder.build(),
        })
    }
}

/// What happened to the meeting that the members are told of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeEvent {
    /// The kallelse went out (again, after a withdrawal: changed).
    Sent,
    /// A tilläggsärende was added.
    Supplement,
    /// The meeting was called off.
    Cancelled,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The text as HTML: paragraphs, with the reading room's address as a link.
fn html_of(text: &str, link: Option<&str>) -> String {
    let mut out = String::from("<!DOCTYPE html><html lang=\"sv\"><body>");
    for para in text.split("\n\n") {
        let e = escape(para).replace('\n', "<br>");
        let e = match link {
            Some(l) if para.contains(l) => {
                e.replace(&escape(l), &format!("<a href=\"{0}\">{0}</a>", escape(l)))
            }
            _ => e,
        };
        out.push_str(&format!("<p>{e}</p>"));
    }
    out.push_str("</body></html>");
    out
}

fn when(m: &Meeting) -> String {
    let mut s = paragraf_render::format::date_long(m.date);
    if let Some(t) = m.start {
        s.push_str(&format!(" kl. {}", paragraf_render::format::time(t)));
    }
    if let Some(p) = &m.place {
        s.push_str(&format!(", {p}"));
    }
    s
}

/// Queues, in `tx`, the e-mail to everyone the kallelse of meeting `id` went to who has an
/// address: what happened and the link to the reading room (never a handling). Returns the
/// names of those without an address (the secretary reaches them otherwise).
pub(crate) fn queue_notice(
    dir: &DataDir,
    tx: &dyn Storage,
    id: MeetingId,
    m: &Meeting,
    event: NoticeEvent,
) -> Result<Vec<String>> {
    let Some(summons) = m.summons() else {
        return Ok(Vec::new());
    };
    let body = tx.body(m.body)?.value.name;
    let config = dir.config();
    let municipality = config.municipality.name.clone();
    let link = format!(
        "{}/sammantraden/{id}",
        config
            .server
            .public_url
            .as_deref()
            .unwrap_or("")
            .trim_end_matches('/')
    );
    let earlier = tx
        .dispatches(id)?
        .iter()
        .any(|d| d.kind == DispatchKind::Notice);
    let (subject, what) = match event {
        NoticeEvent::Sent if earlier => (
            format!("Ändrad kallelse: {body} {}", m.date),
            format!("Kallelsen till {body}s sammanträde har ändrats och gått ut på nytt. Sammanträdet hålls {}.", when(m)),
        ),
        NoticeEvent::Sent => (
            format!("Kallelse: {body} {}", m.date),
            format!("Du är kallad till {body}s sammanträde {}.", when(m)),
        ),
        NoticeEvent::Supplement => (
            format!("Tilläggsärende: {body} {}", m.date),
            format!("Ett tilläggsärende har lagts till på föredragningslistan till {body}s sammanträde {}.", when(m)),
        ),
        NoticeEvent::Cancelled => (
            format!("Inställt sammanträde: {body} {}", m.date),
            format!(
                "{body}s sammanträde {} är inställt: {}",
                when(m),
                m.cancelled().map(|c| c.reason.as_str()).unwrap_or("")
            ),
        ),
    };
    let agenda = match event {
        NoticeEvent::Cancelled => String::new(),
        _ => agenda_lines(tx, m),
    };
    let mut missing = Vec::new();
    let mut queue = Vec::new();
    for p in &summons.recipients {
        let person = tx.person(*p)?.value;
        let Some(address) = address_of(&person) else {
            missing.push(person.name);
            continue;
        };
        let reading = if event == NoticeEvent::Cancelled {
            String::new()
        } else {
            format!("\n\nFöredragningslistan och handlingarna läser du när du har loggat in i Paragraf:\n{link}\n\nHandlingar som omfattas av sekretess skickas aldrig med e-post; de finns i Paragraf för dem som har rätt att läsa dem.")
        };
        let text = format!(
            "Hej {}!\n\n{what}{agenda}{reading}\n\nMed vänlig hälsning\n{body}, {municipality}",
            person.name
        );
        queue.push(NewDispatch {
            meeting: id,
            paragraph: None,
            kind: DispatchKind::Notice,
            recipient: person.name,
            html: Some(html_of(&text, Some(&link))),
            text,
            address: Some(address),
            method: DispatchMethod::Email,
            subject: subject.clone(),
            attachment: None,
            created_by: "paragraf".into(),
        });
    }
    tx.queue_dispatches(&queue)?;
    Ok(missing)
}

/// The föredragningslista as the e-mail gives it: each item's number and title, and an
/// item that is secret (or of a secret case, or of a case that cannot be read) by a notice
/// instead of its title — an e-mail is no place for what OSL covers — and personnummer
/// masked in the others, as on the public kallelse. Empty when there are no items.
fn agenda_lines(tx: &dyn Storage, m: &Meeting) -> String {
    let lines: Vec<String> = m
        .agenda()
        .iter()
        .map(|item| {
            let secret = item.secrecy.is_secret()
                || item
                    .case
                    .is_some_and(|c| tx.case(c).map_or(true, |c| c.secrecy.is_secret()));
            if secret {
                format!("{}. Ärende som omfattas av sekretess", item.position)
            } else {
                format!(
                    "{}. {}",
                    item.position,
                    paragraf_core::secrecy::mask_personal_numbers(&item.title)
                )
            }
        })
        .collect();
    if lines.is_empty() {
        String::new()
    } else {
        format!("\n\nFöredragningslista:\n{}", lines.join("\n"))
    }
}

/// Who a protokollsutdrag goes to, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractTo {
    /// A person, a unit or an authority, as the § names it.
    pub recipient: String,
    /// By e-mail to this address, or (`None`) by post.
    pub email: Option<String>,
}

/// Expedierar § `number` of meeting `id` to `to`: the protokollsutdrag (certified, as the
/// meeting page makes it) by e-mail with the PDF, or recorded as sent by post. Only once
/// the § is justerad. Recorded with who, what, when and how.
pub fn dispatch_extract(
    dir: &DataDir,
    user: &paragraf_store::User,
    id: MeetingId,
    number: u32,
    to: &ExtractTo,
    today: chrono::NaiveDate,
) -> Result<Dispatch> {
    if to.recipient.trim().is_empty() {
        return Err(Error::field("recipient", "skriv vem utdraget skickas till").into());
    }
    if let Some(e) = &to.email {
        e.trim()
            .parse::<lettre::Address>()
            .map_err(|_| Error::field("email", format!("{e:?} är ingen e-postadress")))?;
    }
    let store = dir.storage();
    let m = store.meeting(id)?;
    if !crate::access::may(user, crate::access::SECRETARY, Some(m.body)) {
        return Err(Error::Forbidden("bara nämndsekreteraren expedierar".into()).into());
    }
    let secret = post_only(dir, id, number)?;
    let minutes = store.minutes(id)?;
    let paragraph = minutes
        .as_ref()
        .and_then(|min| min.paragraphs().iter().find(|p| p.number == number));
    if secret && to.email.is_some() {
        return Err(Error::field(
            "email",
            format!("§ {number} omfattas av sekretess (OSL 26 kap. 1 §): utdraget expedieras med post, inte med e-post"),
        )
        .into());
    }
    let docs = crate::meeting::documents::MeetingDocs::load(dir, id)?;
    // The utdrag exists only of a justerad §; the core refuses the rest.
    let pdf = docs
        .pdf(dir, &format!("utdrag-{number}.pdf"), today)?
        .ok_or_else(|| Error::NotFound(format!("§ {number}")))?;
    let file = dir.store_pdf(&pdf)?;
    let body = dir.body_name(m.body);
    let municipality = dir.config().municipality.name.clone();
    let title = if secret {
        String::new()
    } else {
        paragraph.map(|p| p.title.clone()).unwrap_or_default()
    };
    let text = format!(
        "Hej!\n\nHär är protokollsutdraget av § {number} {title} ur {body}s protokoll från sammanträdet {}. Utdraget är bestyrkt och signerat; det bifogas som PDF.\n\nMed vänlig hälsning\n{}\n{body}, {municipality}",
        paragraf_render::format::date_long(m.date),
        user.name
    );
    let d = NewDispatch {
        meeting: id,
        paragraph: Some(number),
        kind: DispatchKind::Extract,
        recipient: to.recipient.trim().to_string(),
        address: to.email.as_ref().map(|e| e.trim().to_string()),
        method: if to.email.is_some() {
            DispatchMethod::Email
        } else {
            DispatchMethod::Post
        },
        subject: format!("Protokollsutdrag § {number}, {body} {}", m.date),
        html: Some(html_of(&text, None)),
        text,
        attachment: Some((file, format!("protokollsutdrag-{}-§{number}.pdf", m.date))),
        created_by: user.username.clone(),
    };
    let out = store
        .queue_dispatches(std::slice::from_ref(&d))?
        .pop()
        .ok_or_else(|| Error::Internal("utskicket sparades inte".into()))?;
    crate::accounts::record(
        dir,
        &user.username,
        "expediera",
        "protokollsutdrag",
        out.id,
        None,
        Some(
            serde_json::json!({ "sammanträde": id.0, "paragraf": number, "till": out.recipient, "sätt": out.method.word() }),
        ),
    );
    Ok(out)
}

/// Whether § `number` of meeting `id` is expedierad by post only: the utdrag of a § that is
/// secret, or of a secret case (or one that cannot be read), holds what OSL 26 kap. 1 §
/// protects and is not sent by e-mail.
pub fn post_only(dir: &DataDir, id: MeetingId, number: u32) -> Result<bool> {
    let store = dir.storage();
    let minutes = store
        .minutes(id)?
        .ok_or_else(|| Error::NotFound(format!("protokollet till sammanträde {id}")))?;
    let p = minutes
        .paragraphs()
        .iter()
        .find(|p| p.number == number)
        .ok_or_else(|| Error::NotFound(format!("§ {number}")))?;
    Ok(p.secrecy.is_secret()
        || p.case
            .is_some_and(|c| store.case(c).map_or(true, |c| c.secrecy.is_secret())))
}

/// The utskick of meeting `id`, for those who may read its body's matters.
pub fn dispatches(
    dir: &DataDir,
    user: &paragraf_store::User,
    id: MeetingId,
) -> Result<Vec<Dispatch>> {
    let m = dir.storage().meeting(id)?;
    if !crate::access::may(user, crate::access::SECRETARY, Some(m.body)) {
        return Err(Error::Forbidden("utskicken visas för nämndsekreteraren".into()).into());
    }
    Ok(dir.storage().dispatches(id)?)
}

/// Sends a failed utskick again (at the next delivery).
pub fn retry(
    dir: &DataDir,
    user: &paragraf_store::User,
    id: MeetingId,
    dispatch: i64,
) -> Result<Dispatch> {
    let list = dispatches(dir, user, id)?;
    if !list.iter().any(|d| d.id == dispatch) {
        return Err(Error::NotFound(format!("utskick {dispatch}")).into());
    }
    Ok(dir.storage().retry_dispatch(dispatch)?)
}

/// Whether e-mail is configured (`[mail]`).
pub fn configured(dir: &DataDir) -> bool {
    dir.config().mail.is_some()
}

/// The waits before the next try after the 1st, 2nd … failure; after the last, the
/// utskick is given up and shown to the secretary.
const RETRY_MINUTES: [i64; 5] = [1, 5, 15, 60, 240];

/// What one round of delivery did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivered {
    /// Sent.
    pub sent: usize,
    /// Failed this time (to be tried again, or given up).
    pub failed: usize,
}

/// Sends the queued e-mail whose time has come (nothing without `[mail]`), each try
/// recorded: sent with the server's Message-ID, or failed with the error and a later try.
pub fn deliver_due(dir: &DataDir, now: DateTime<Utc>) -> Result<Delivered> {
    let config = dir.config();
    let Some(mail) = &config.mail else {
        return Ok(Delivered::default());
    };
    let store = dir.storage();
    // Claimed for ten minutes (longer than a round of tries with lettre's timeouts): another
    // Paragraf process on the same database does not send them too.
    let due = store.claim_due_dispatches(now, now + chrono::Duration::minutes(10), 100)?;
    if due.is_empty() {
        return Ok(Delivered::default());
    }
    let transport = mail.transport()?;
    let from_name = mail
        .from_name
        .clone()
        .unwrap_or_else(|| config.municipality.name.clone());
    let mut done = Delivered::default();
    for d in due {
        // A message that cannot be made will not be made on a later try either.
        let outcome = match message(dir, mail, &from_name, &d) {
            Err(e) => Err((format!("{e:#}"), true)),
            Ok((msg, id)) => transport
                .send(&msg)
                .map(|_| id)
                .map_err(|e| (e.to_string(), e.is_permanent())),
        };
        match outcome {
            Ok(message_id) => {
                // Sent: a failure to record it must not stop the round (nor send it again
                // at once: it is logged loudly for the operator).
                if let Err(e) = store.record_attempt(d.id, Ok(&message_id)) {
                    tracing::error!(utskick = d.id, "skickat men inte registrerat: {e}");
                }
                done.sent += 1;
            }
            Err((text, permanent)) => {
                let retry = RETRY_MINUTES
                    .get(d.attempts as usize)
                    .filter(|_| !permanent)
                    .map(|m| now + chrono::Duration::minutes(*m));
                tracing::warn!(utskick = d.id, till = %d.recipient, "e-post kunde inte skickas: {text}");
                if let Err(e) = store.record_attempt(d.id, Err((&text, retry))) {
                    tracing::error!(utskick = d.id, "försöket kunde inte registreras: {e}");
                }
                done.failed += 1;
            }
        }
    }
    Ok(done)
}

/// The message of utskick `d` and its Message-ID.
fn message(
    dir: &DataDir,
    mail: &MailConfig,
    from_name: &str,
    d: &Dispatch,
) -> Result<(Message, String)> {
    let from: lettre::Address = mail.from.trim().parse().context("[mail] from")?;
    let to: lettre::Address = d
        .address
        .as_deref()
        .unwrap_or("")
        .trim()
        .parse()
        .with_context(|| format!("mottagarens adress {:?}", d.address))?;
    let message_id = format!(
        "<paragraf.{}.{}@{}>",
        d.id,
        &crate::accounts::random_token()[..16],
        from.domain()
    );
    let alternative = MultiPart::alternative()
        .singlepart(SinglePart::plain(d.text.clone()))
        .singlepart(SinglePart::html(
            d.html.clone().unwrap_or_else(|| html_of(&d.text, None)),
        ));
    let builder = Message::builder()
        .from(Mailbox::new(Some(from_name.to_string()), from))
        .to(Mailbox::new(Some(d.recipient.clone()), to))
        .subject(d.subject.clone())
        .message_id(Some(message_id.clone()));
    let msg = match &d.attachment {
        Some((path, name)) => {
            let bytes = std::fs::read(dir.path.join(path))
                .with_context(|| format!("bilagan {path} finns inte"))?;
            builder.multipart(MultiPart::mixed().multipart(alternative).singlepart(
                Attachment::new(name.clone()).body(
                    bytes,
                    ContentType::parse("application/pdf").expect("a media type"),
                ),
            ))?
        }
        None => builder.multipart(alternative)?,
    };
    Ok((msg, message_id))
}

/// The persons a kallelse went to who have no e-mail address.
pub fn without_address(dir: &DataDir, m: &Meeting) -> Result<Vec<String>> {
    let Some(s) = m.summons() else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for p in &s.recipients {
        let person = dir.storage().person(PersonId(p.0))?.value;
        if address_of(&person).is_none() {
            out.push(person.name);
        }
    }
    Ok(out)
}

/// The protokollsutdrag expedierade of §§ that decided `case`: the meeting, the § and each
/// utskick — what the case page shows as "expedierat".
pub fn expedited_for_case(
    dir: &DataDir,
    user: &paragraf_store::User,
    case: paragraf_core::ids::CaseId,
) -> Result<Vec<(MeetingId, u32, Dispatch)>> {
    let store = dir.storage();
    let c = store.case(case)?;
    if !crate::access::may_see_case(user, &c.value) || !crate::access::STAFF.contains(&user.role) {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    // Only the minutes of the meetings that had the case on their agenda are read.
    for m in store
        .meetings()?
        .into_iter()
        .filter(|m| m.agenda().iter().any(|i| i.case == Some(case)))
    {
        let Some(minutes) = store.minutes(m.id)? else {
            continue;
        };
        let numbers: Vec<u32> = minutes
            .paragraphs()
            .iter()
            .filter(|p| p.case == Some(case))
            .map(|p| p.number)
            .collect();
        if numbers.is_empty() {
            continue;
        }
        for d in store.dispatches(m.id)? {
            if d.kind == DispatchKind::Extract && d.paragraph.is_some_and(|n| numbers.contains(&n))
            {
                out.push((m.id, d.paragraph.unwrap_or_default(), d));
            }
        }
    }
    Ok(out)
}

/// A person's e-mail address, when it is one.
fn address_of(person: &paragraf_core::org::Person) -> Option<String> {
    person
        .email
        .as_deref()
        .map(str::trim)
        .filter(|a| a.parse::<lettre::Address>().is_ok())
        .map(String::from)
}
