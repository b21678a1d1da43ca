// End-to-end, the handlingar of a meeting (#17): a handläggare writes a tjänsteskrivelse
// and the förvaltningschef approves it; the secretary chooses the item's handlingar (one
// public, one secret) and sends the kallelse; the members' e-mails arrive at a real SMTP
// server (aiosmtpd); a ledamot reads the secret handling and writes an annotation only she
// sees; the public sees the agenda and the public handling before the meeting and not the
// secret one; after justering a protokollsutdrag is expedierat by e-mail and recorded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { BIN, freePort, launchChromium, waitFor, dbEnv } from './support.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let server, smtp, browser, base, data, port, smtpPort, maildir;

async function startDemo() {
  server = spawn(BIN, ['demo', '--data', join(data, 'd'), '--addr', `127.0.0.1:${port}`],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...dbEnv(join(data, 'd')) } });
  await waitFor(`${base}/anslagstavla`, 120_000);
}

async function stopDemo() {
  const exited = new Promise((r) => server.once('exit', r));
  server.kill();
  await exited;
}

before(async () => {
  data = mkdtempSync(join(tmpdir(), 'paragraf-e2e-handlingar-'));
  maildir = join(data, 'maildir');
  port = await freePort();
  smtpPort = await freePort();
  base = `http://127.0.0.1:${port}`;
  smtp = spawn('python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${smtpPort}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  // The demo, then the SMTP server in its paragraf.toml, as an IT department would set it.
  await startDemo();
  await stopDemo();
  // E-mail links to the public address: [server] public_url, then [mail].
  const toml = join(data, 'd', 'paragraf.toml');
  const publicUrl = `public_url = "${base}"`;
  let text = readFileSync(toml, 'utf8');
  text = /^\[server\]$/m.test(text) ? text.replace(/^\[server\]$/m, `[server]\n${publicUrl}`) : `${text}\n[server]\n${publicUrl}\n`;
  writeFileSync(toml, `${text}\n[mail]\nhost = "127.0.0.1"\nport = ${smtpPort}\nsecurity = "none"\nfrom = "paragraf@demoby.se"\n`);
  await startDemo();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.kill();
  smtp?.kill();
  rmSync(data, { recursive: true, force: true });
});

// What the SMTP server received, read by Python's email package.
function received() {
  const script = `
import email, email.policy, json, os, sys
d = os.path.join(sys.argv[1], 'new')
out = []
for f in sorted(os.listdir(d)) if os.path.isdir(d) else []:
    m = email.message_from_binary_file(open(os.path.join(d, f), 'rb'), policy=email.policy.default)
    body = m.get_body(preferencelist=('plain',))
    html = m.get_body(preferencelist=('html',))
    out.append({'to': str(m['To']), 'from': str(m['From']), 'subject': str(m['Subject']),
                'text': body.get_content() if body else '', 'html': html.get_content() if html else '',
                'attachments': [a.get_filename() for a in m.iter_attachments()]})
print(json.dumps(out))`;
  return JSON.parse(execFileSync('python3', ['-c', script, maildir]).toString());
}

async function arrives(pred, what) {
  for (let i = 0; i < 60; i++) {
    const m = received().find(pred);
    if (m) return m;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not arrive at the SMTP server`);
}

async function axeCheck(page, what) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), [], `axe on ${what}`);
}

async function fitsNarrow(page, what) {
  await page.setViewportSize({ width: 390, height: 844 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.ok(wide <= 390, `${what} is ${wide} px wide at 390 px`);
}

async function login(page, user) {
  await page.goto(`${base}/logga-in`);
  await page.getByLabel('Användarnamn').fill(user);
  await page.getByLabel('Lösenord').fill(`${user}-demo`);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL(/\/sammantraden$/);
}

async function logout(page) {
  await page.getByRole('button', { name: 'Logga ut' }).click();
}

test('a case from tjänsteskrivelse to the members, the public and the expediering', async () => {
  const context = await browser.newContext({ locale: 'sv-SE', bypassCSP: true });
  const page = await context.newPage();
  const hrefs = async (prefix) => page.$$eval(`a[href^="${prefix}"]`, (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);

  // The meeting ahead that is still planned, and a public case on its agenda.
  await login(page, 'sekreterare');
  let planned;
  for (const h of (await hrefs('/sammantraden/')).filter((x) => /^\/sammantraden\/\d+$/.test(x))) {
    await page.goto(`${base}${h}`);
    if (await page.getByRole('button', { name: 'Skicka kallelsen' }).count() > 0) { planned = h; break; }
  }
  assert.ok(planned, 'the demo has a planned meeting');
  await page.goto(`${base}/arenden`);
  const caseHref = await page.locator('a', { hasText: 'SOC 2026-000002' }).first().getAttribute('href');
  const caseUrl = `${base}${caseHref}`;
  await logout(page);
  // A PDF to register as handlingar: a public protocol of the demo.
  await page.goto(`${base}/protokoll/`);
  const published = (await hrefs('/protokoll/')).find((h) => /^\/protokoll\/\d+$/.test(h));
  const answer = await page.request.get(`${base}${published}/protokoll-offentlig.pdf`);
  assert.equal(answer.status(), 200);
  const sample = await answer.body();
  assert.equal(sample.subarray(0, 5).toString(), '%PDF-');

  // The handläggare writes the tjänsteskrivelse and registers a public and a secret handling.
  await login(page, 'handlaggare');
  await page.goto(caseUrl);
  await page.getByRole('link', { name: /Tjänsteskrivelse: skriv/ }).click();
  await axeCheck(page, 'tjänsteskrivelsen');
  await fitsNarrow(page, 'tjänsteskrivelsen');
  await page.getByLabel('Rubrik').fill('Yttrande över motion om fritidskort');
  await page.getByLabel('Ärendet i korthet').fill('Förvaltningen föreslår att motionen avslås.');
  await page.getByLabel('Förvaltningens bedömning').fill('Kostnaden ryms inte i budgeten.');
  await page.getByLabel('Förslag till beslut').fill('avslå motionen\növerlämna yttrandet till kommunfullmäktige');
  await page.getByLabel('Beslutsunderlag').fill('Motion om fritidskort');
  await page.getByLabel('Handläggare (namn och titel)').fill('Rebecka Hed, utredare');
  await page.getByRole('button', { name: 'Spara som ny version' }).click();
  await page.waitForURL(/tjansteskrivelse$/);
  assert.match(await page.content(), /Version 1 \(PDF\)/);
  const pdfFile = sample;
  await page.goto(caseUrl);
  for (const [title, secret] of [['Kostnadsberäkning', false], ['Utredning om familjen Andersson', true]]) {
    await page.getByLabel('Rubrik').fill(title);
    if (secret) await page.getByLabel(/Handlingen omfattas av sekretess/).check();
    await page.getByLabel('PDF-fil').setInputFiles({ name: 'h.pdf', mimeType: 'application/pdf', buffer: pdfFile });
    await page.getByRole('button', { name: 'Registrera handling' }).click();
    await page.waitForURL(caseUrl);
  }
  // The public one is found public by a person (the secret one cannot be).
  const row = page.locator('tr', { hasText: 'Kostnadsberäkning' });
  await row.getByRole('button', { name: 'Får publiceras' }).click();
  await page.waitForURL(caseUrl);
  assert.equal(await page.locator('tr', { hasText: 'Andersson' }).getByRole('button', { name: 'Får publiceras' }).count(), 0);
  await logout(page);

  // The förvaltningschef approves; the tjänsteskrivelse becomes a handling.
  await login(page, 'forvaltningschef');
  await page.goto(`${caseUrl}/tjansteskrivelse`);
  await page.getByRole('button', { name: 'Godkänn version 1' }).click();
  await page.waitForURL(caseUrl);
  assert.match(await page.content(), /Tjänsteskrivelse: Yttrande över motion om fritidskort/);
  await logout(page);

  // The secretary chooses the item's handlingar and sends the kallelse.
  await login(page, 'sekreterare');
  await page.goto(`${base}${planned}`);
  const chooser = page.locator('details', { hasText: 'Välj handlingar till punkt' }).filter({ has: page.locator('label', { hasText: 'Kostnadsberäkning' }) });
  await chooser.locator('summary').click();
  await chooser.getByLabel(/Tjänsteskrivelse: Yttrande/).check();
  await chooser.getByLabel(/Kostnadsberäkning/).check();
  await chooser.getByLabel(/Utredning om familjen Andersson/).check();
  await chooser.getByRole('button', { name: 'Spara handlingarna' }).click();
  await page.waitForLoadState();
  assert.equal(await page.locator('.error-summary').count(), 0, await page.locator('.error-summary').textContent().catch(() => ''));
  await page.getByRole('button', { name: 'Skicka kallelsen' }).click();
  await page.waitForLoadState();
  assert.equal(await page.locator('.error-summary').count(), 0, await page.locator('.error-summary').textContent().catch(() => ''));
  assert.equal(page.url(), `${base}${planned}`);
  await axeCheck(page, 'sammanträdet med utskick');
  await fitsNarrow(page, 'sammanträdet med utskick');
  assert.match(await page.content(), /Utskick/);
  await logout(page);

  // The members' e-mails: a link to the reading room, no handling attached.
  const mail = await arrives((m) => m.to.includes('leila.haddad@demoby.se') && m.text.includes(`${base}${planned}`), 'Leila Haddad’s kallelse');
  assert.match(mail.subject, /^Kallelse: Socialnämnden /);
  assert.match(mail.from, /Demoby kommun <paragraf@demoby.se>/);
  assert.match(mail.html, /<a href=/);
  assert.deepEqual(mail.attachments, []);

  // The ledamot reads the secret handling and writes an annotation.
  await login(page, 'ledamot');
  await page.goto(`${base}${planned}`);
  await axeCheck(page, 'sammanträdet för en ledamot');
  await fitsNarrow(page, 'sammanträdet för en ledamot');
  await page.getByRole('link', { name: 'Utredning om familjen Andersson' }).click();
  await axeCheck(page, 'en handling');
  await fitsNarrow(page, 'en handling');
  const handlingUrl = page.url();
  await page.getByLabel('Sida (valfritt)').fill('1');
  await page.getByLabel(/Markering/).fill('familjen');
  await page.getByLabel('Anteckning', { exact: true }).fill('Fråga om placeringen');
  await page.getByRole('button', { name: 'Spara anteckningen' }).click();
  await page.waitForURL(handlingUrl);
  assert.match(await page.content(), /Fråga om placeringen/);
  const bundle = await page.request.get(`${base}${planned}/handlingar.pdf`);
  assert.equal(bundle.status(), 200);
  await logout(page);
  // Another ledamot sees the handling, not her note.
  await login(page, 'justerare');
  await page.goto(handlingUrl);
  assert.doesNotMatch(await page.content(), /Fråga om placeringen/);
  await logout(page);
  // The ersättare's copy lists the secret handling by its notice only.
  await login(page, 'ersattare');
  await page.goto(`${base}${planned}`);
  assert.doesNotMatch(await page.content(), /Andersson/);
  assert.match(await page.content(), /Handling omfattas av sekretess \(OSL 26 kap\. 1 §\)/);
  assert.equal((await page.request.get(handlingUrl)).status(), 403);
  await logout(page);

  // The public, before the meeting: the agenda with the public handlingar, not the secret.
  await page.goto(`${base}/organ`);
  const kallelser = [];
  for (const b of (await hrefs('/organ/')).filter((h) => /^\/organ\/\d+$/.test(h))) {
    await page.goto(`${base}${b}`);
    kallelser.push(...(await hrefs('/organ/')).filter((h) => h.endsWith('/kallelse')));
  }
  let found = false;
  for (const k of kallelser) {
    await page.goto(`${base}${k}`);
    const html = await page.content();
    if (!html.includes('Kostnadsberäkning')) continue;
    found = true;
    assert.doesNotMatch(html, /Andersson/);
    assert.match(html, /Handling omfattas av sekretess \(OSL 26 kap\. 1 §\)/);
    await axeCheck(page, 'den offentliga kallelsen');
    const file = await page.locator('a', { hasText: 'Kostnadsberäkning' }).getAttribute('href');
    const got = await page.request.get(`${base}${file}`);
    assert.equal(got.status(), 200);
  }
  assert.ok(found, 'the public kallelse lists the public handling');

  // Expediering after justering, on the demo's posted meeting.
  await login(page, 'sekreterare');
  let posted;
  for (const h of (await hrefs('/sammantraden/')).filter((x) => /^\/sammantraden\/\d+$/.test(x))) {
    await page.goto(`${base}${h}`);
    if (await page.locator('summary', { hasText: 'Expediera §' }).count() > 0) { posted = h; break; }
  }
  assert.ok(posted, 'a justerat protocol to expediera');
  const exp = page.locator('details', { hasText: 'Expediera §' }).first();
  await exp.locator('summary').click();
  await exp.getByLabel(/Mottagare/).fill('Individ- och familjeomsorgen');
  await exp.getByLabel(/E-postadress/).fill('ifo@demoby.se');
  await exp.getByRole('button', { name: 'Expediera utdraget' }).click();
  await page.waitForURL(`${base}${posted}`);
  const extract = await arrives((m) => m.to.includes('ifo@demoby.se'), 'the protokollsutdrag');
  assert.match(extract.subject, /^Protokollsutdrag § \d+, Socialnämnden/);
  assert.equal(extract.attachments.length, 1);
  assert.match(extract.attachments[0], /^protokollsutdrag-.*\.pdf$/);
  // Recorded on the meeting: sent, with the time.
  for (let i = 0; i < 20; i++) {
    await page.goto(`${base}${posted}`);
    if (/Individ- och familjeomsorgen \(e-post, ifo@demoby\.se\): skickad/.test(await page.content())) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.match(await page.content(), /— expedierat/);
  assert.match(await page.content(), /Individ- och familjeomsorgen \(e-post, ifo@demoby\.se\): skickad/);
  await context.close();
});
