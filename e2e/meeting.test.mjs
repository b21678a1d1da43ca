// End-to-end in a real browser: a secretary plans a meeting, sends the notice, records two
// decisions and a vote; the chair and an adjuster approve from their own logins; the anslag
// appears on the public board and the public PDF downloads. axe-core checks every main page
// for serious or critical WCAG 2.1 AA violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { BIN, freePort, launchChromium, waitFor, dbEnv } from './support.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let server, browser, base, data, port;



before(async () => {
  data = mkdtempSync(join(tmpdir(), 'paragraf-e2e-'));
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  await startDemo({});
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.kill();
  rmSync(data, { recursive: true, force: true });
});

// The demo on this test's data directory; `env` may fix the day (PARAGRAF_TODAY, read only by
// the test suite's build) so that a meeting's days pass within one test.
async function startDemo(env) {
  server = spawn(BIN, ['demo', '--data', join(data, 'd'), '--addr', `127.0.0.1:${port}`],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...dbEnv(join(data, 'd')), ...env } });
  await waitFor(`${base}/anslagstavla`, 120_000);
}

async function restartOn(day) {
  const exited = new Promise((r) => server.once('exit', r));
  server.kill();
  await exited;
  await startDemo({ PARAGRAF_TODAY: day });
}

async function axeCheck(page, what) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), [], `axe on ${what}`);
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

test('a meeting from planning to the public board, in the browser', async () => {
  const context = await browser.newContext({ locale: 'sv-SE', bypassCSP: true }); // axe is injected inline
  const page = await context.newPage();
  await page.goto(base);
  await axeCheck(page, 'startsidan');
  await page.goto(`${base}/logga-in`);
  await axeCheck(page, 'inloggningen');

  await login(page, 'sekreterare');
  await axeCheck(page, 'arbetsytan');
  await page.goto(`${base}/ej-verkstallda`);
  await axeCheck(page, 'registret över ej verkställda beslut');
  await page.goto(`${base}/sammantraden`);
  // The meeting is tomorrow: the kallelse goes out today, before the meeting's day.
  const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('sv-SE');
  await page.getByLabel('Organ', { exact: true }).selectOption({ label: 'Socialnämnden' });
  await page.getByLabel('Datum').fill(tomorrow);
  await page.getByLabel('Starttid').fill('13:00');
  await page.getByLabel('Plats', { exact: true }).fill('Kommunhuset, sal A');
  await page.getByRole('button', { name: 'Planera' }).click();
  await page.waitForURL(/\/sammantraden\/\d+$/);
  const meetingUrl = page.url();
  const id = meetingUrl.split('/').pop();

  for (const dnr of ['SOC 2026-000001', 'SOC 2026-000002']) {
    await page.getByLabel('Ärende till föredragningslistan').selectOption(dnr);
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Skicka kallelsen' }).click();
  const kallelse = await page.request.get(`${meetingUrl}/dokument/kallelse.pdf`);
  assert.equal(kallelse.status(), 200);
  assert.equal((await kallelse.body()).subarray(0, 5).toString(), '%PDF-');
  // Not held before its day: the button is not offered, the reason is.
  await page.goto(meetingUrl);
  assert.equal(await page.getByRole('button', { name: 'Markera som genomfört' }).count(), 0);
  assert.match(await page.content(), /kan inte markeras som genomfört i dag/);
  // The next day.
  await restartOn(tomorrow);
  await page.goto(meetingUrl);
  await page.getByRole('button', { name: 'Markera som genomfört' }).click();

  await page.getByLabel('Ordförande').selectOption({ label: 'Karin Ek' });
  await page.getByLabel('Justerare', { exact: true }).selectOption({ label: 'Johan Björk' });
  await page.getByRole('button', { name: 'Upprätta protokoll' }).click();
  await axeCheck(page, 'sammanträdessidan');

  const attendance = page.locator('form[action$="/narvaro"]');
  for (const name of ['Karin Ek', 'Johan Björk', 'Leila Haddad', 'Anna Sjöberg']) {
    await attendance.getByLabel(name, { exact: true }).check();
  }
  await attendance.getByLabel('Erik Holm', { exact: true }).selectOption({ label: 'tjänstgör för Per Lind' });
  await page.getByRole('button', { name: 'Spara närvaro' }).click();

  for (const i of [0, 1]) {
    await page.locator('summary', { hasText: 'Beslut i §' }).nth(i).click();
    const form = page.locator('form[action$="/beslut"]').nth(i);
    await form.getByLabel('Att-satser, en per rad').fill(`godkänna redovisningen ${i + 1}\natt lägga den till handlingarna`);
    await form.getByLabel('Beslutet skickas till, en per rad').fill('Kommunstyrelsen');
    await form.getByRole('button', { name: 'Spara beslut' }).click();
  }
  // A refused save comes back on the meeting page with the reason, and what was typed stays.
  await page.locator('summary', { hasText: 'Beslut i §' }).nth(0).click();
  const first = page.locator('form[action$="/beslut"]').nth(0);
  await first.getByLabel('Beskrivning av ärendet').fill('Text som inte får gå förlorad');
  await first.getByLabel(/^Tabeller/).fill('> en varav-rad utan rad ovanför');
  await first.getByRole('button', { name: 'Spara beslut' }).click();
  await page.waitForLoadState();
  assert.match(await page.content(), /varav-rad/);
  // On the meeting's own page (the form's address, which a reload or a bookmark leads back to it).
  assert.match(await page.content(), /Spara närvaro/);
  assert.equal((await page.request.get(`${meetingUrl}/beslut`)).url(), meetingUrl);
  assert.equal(await page.locator('form[action$="/beslut"]').nth(0).getByLabel('Beskrivning av ärendet').inputValue(), 'Text som inte får gå förlorad');
  assert.equal(await page.locator('form[action$="/beslut"]').nth(0).getByLabel(/^Tabeller/).inputValue(), '> en varav-rad utan rad ovanför');

  // Yrkanden in § 2, one with an instämmande, the propositionsordning, then the vote on them.
  for (const [by, text, support] of [['Johan Björk', 'att avslå förslaget', ['Anna Sjöberg']], ['Karin Ek', 'bifall till förslaget', []]]) {
    await page.locator('summary', { hasText: 'Yrkande eller protokollsanteckning i §' }).nth(1).click();
    const y = page.locator('form[action$="/yrkande"]').nth(1);
    await y.getByLabel('Yrkande av').selectOption({ label: by });
    await y.getByLabel('Yrkandet').fill(text);
    for (const who of support) await y.getByRole('checkbox', { name: who, exact: true }).check();
    await y.getByRole('button', { name: 'Registrera yrkandet' }).click();
    await page.waitForLoadState();
  }
  await page.locator('summary', { hasText: 'Yrkande eller protokollsanteckning i §' }).nth(1).click();
  const props = page.locator('form[action$="/propositioner"]');
  await props.getByLabel(/^Propositionsordning/).fill('2, 1');
  await props.getByLabel('Ordföranden finner bifall till').selectOption({ label: 'yrkande 2' });
  await props.getByRole('button', { name: 'Spara propositionsordningen' }).click();
  await page.waitForLoadState();
  assert.doesNotMatch(await page.content(), /Det gick inte att spara/);

  await page.locator('summary', { hasText: 'Omröstning i §' }).nth(1).click();
  const vote = page.locator('form[action$="/omrostning"]').nth(1);
  const choices = { 'Karin Ek': 'yes', 'Johan Björk': 'no', 'Leila Haddad': 'yes', 'Anna Sjöberg': 'abstain', 'Erik Holm': 'yes' };
  for (const [name, choice] of Object.entries(choices)) {
    await vote.getByLabel(name).selectOption(choice);
  }
  await vote.getByLabel('Ja står för yrkande').selectOption('2');
  await vote.getByLabel('Nej står för yrkande').selectOption('1');
  // The small script shows the running tally before the vote is registered.
  assert.match(await vote.locator('output.tally').textContent(), /3 ja, 1 nej, 1 avstår \(ja vinner\)/);
  await vote.getByRole('button', { name: 'Registrera omröstning' }).click();
  await page.waitForURL(meetingUrl);
  assert.match(await page.content(), /3 ja, 1 nej, 1 avstår/);
  await logout(page);

  for (const [user, label] of [['ordforande', 'ordförande'], ['justerare', 'justerare']]) {
    await login(page, user);
    await page.goto(meetingUrl);
    // Without confirming, the browser itself stops the form (required checkbox); then confirm.
    assert.match(await page.content(), /Närvarolista/);
    await page.getByLabel('Jag har läst protokollet och närvarolistan ovan och godkänner dem').check();
    await page.getByRole('button', { name: `Justera protokollet som ${label}` }).click();
    await page.waitForURL(meetingUrl);
    await logout(page);
  }

  await login(page, 'sekreterare');
  await page.goto(meetingUrl);
  await page.getByLabel('Förvaringsplats för protokollet').fill('Socialförvaltningen, Storgatan 1');
  await page.getByRole('button', { name: 'Sätt upp anslaget' }).click();
  await logout(page);

  await page.goto(`${base}/anslagstavla`);
  await axeCheck(page, 'anslagstavlan');
  assert.ok(await page.locator(`a[href="/protokoll/${id}"]`).count() > 0, 'the notice is on the board');
  await page.locator(`a[href="/protokoll/${id}"]`).first().click();
  await axeCheck(page, 'protokollet');
  assert.match(await page.content(), /att godkänna redovisningen 1/);
  assert.match(await page.content(), /Johan Björk med instämmande av Anna Sjöberg: att avslå förslaget/);
  assert.match(await page.content(), /Ordföranden ställer proposition på yrkande 2 och yrkande 1/);
  const pdf = await page.request.get(`${base}/protokoll/${id}/protokoll-offentlig.pdf`);
  assert.equal(pdf.status(), 200);
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  for (const path of ['/protokoll/', '/kalender', '/organ', '/organ/3', '/statistik/ej-verkstallda', '/delegation', '/uppfoljning']) {
    await page.goto(`${base}${path}`);
    await axeCheck(page, path);
    await page.setViewportSize({ width: 390, height: 844 });
    await fitsNarrow(page, path);
    await page.setViewportSize({ width: 1280, height: 800 });
    if (path === '/uppfoljning') {
      await page.locator('a[href^="/uppfoljning/rapport?"]').first().click();
      await axeCheck(page, 'verksamhetsrapporten');
      assert.match(await page.content(), /Bedömning: /);
    }
    if (path === '/kalender') {
      assert.equal(await page.locator(`table.month td.today a[href="/protokoll/${id}"]`).count(), 1, 'the meeting in the month grid');
    }
  }
  await context.close();
});

// The width of a phone: the page must not scroll sideways.
// `paragraf init --admin-user admin` in `dir`, the password on standard in.
async function initWithAdmin(dir) {
  const init = spawn(BIN, ['init', '--data', dir, '--municipality', 'Hagfors kommun', '--admin-user', 'admin'],
    { stdio: ['pipe', 'ignore', 'inherit'], env: { ...process.env, ...dbEnv(dir) } });
  init.stdin.end('Admin-lösen-2026\nAdmin-lösen-2026\n');
  assert.equal(await new Promise((r) => init.on('exit', r)), 0, 'init --admin-user');
}

async function fitsNarrow(page, what) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  // What sticks out, to say where to look.
  const culprits = wide <= 390 ? [] : await page.evaluate(() => [...document.querySelectorAll('main *')]
    .filter((e) => e.getBoundingClientRect().right > 391 && [...e.children].every((c) => c.getBoundingClientRect().right <= 391))
    .slice(0, 5)
    .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + e.className : ''} (${Math.round(e.getBoundingClientRect().right)} px): ${e.outerHTML.slice(0, 120)}`));
  assert.ok(wide <= 390, `${what} is ${wide} px wide at 390 px: ${culprits.join(' | ')}`);
}

// Every page a secretary or an administrator reaches — each workspace list, each meeting's
// state, the imports, the registers and the admin pages, public pages and the error page —
// fits a phone (390 px, no sideways scrolling) and passes axe-core.
test('every page fits a phone and passes axe-core', async () => {
  const context = await browser.newContext({ locale: 'sv-SE', bypassCSP: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const visit = async (path, what = path) => {
    const answer = await page.goto(`${base}${path}`);
    assert.ok(answer.status() < 500, `${what}: ${answer.status()}`);
    await fitsNarrow(page, what);
    await axeCheck(page, what);
  };
  const hrefs = async (prefix) => page.$$eval(`a[href^="${prefix}"]`, (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
  await visit('/finns-inte', 'en okänd adress');
  for (const p of ['/', '/anslagstavla', '/protokoll/', '/kalender', '/organ', '/delegation', '/uppfoljning', '/statistik/ej-verkstallda']) {
    await visit(p);
  }
  // The search: the form, hits with facets and snippets, a case's permanent address.
  await visit('/oppna-data', 'öppna data');
  await visit('/organ/3/fullstandighet', 'fullständighet');
  await visit('/sok');
  await visit('/sok?q=information', 'sökträffar');
  assert.ok(await page.locator('ol.hits mark').count() > 0, 'the found words are marked');
  for (const p of (await hrefs('/arende/')).slice(0, 1)) await visit(p, 'ett ärendes permanenta adress');
  await page.goto(`${base}/protokoll/`);
  for (const p of (await hrefs('/protokoll/')).filter((h) => /^\/protokoll\/\d+$/.test(h)).slice(0, 4)) await visit(p);
  // The public kallelser, linked from their bodies' pages.
  await page.goto(`${base}/organ`);
  const kallelser = [];
  for (const b of (await hrefs('/organ/')).filter((h) => /^\/organ\/\d+$/.test(h))) {
    await page.goto(`${base}${b}`);
    kallelser.push(...(await hrefs('/organ/')).filter((h) => h.endsWith('/kallelse')));
  }
  assert.ok(kallelser.length > 0, 'a public kallelse is linked from its body');
  for (const p of kallelser.slice(0, 2)) await visit(p, 'en kallelse');
  await page.goto(`${base}/delegation`);
  for (const p of (await hrefs('/delegation/')).filter((h) => /^\/delegation\/\d+$/.test(h)).slice(0, 1)) await visit(p);
  await page.goto(`${base}/uppfoljning`);
  for (const p of (await hrefs('/uppfoljning/rapport')).slice(0, 1)) await visit(p);

  await login(page, 'admin');
  for (const p of ['/sammantraden', '/arenden', '/ej-verkstallda', '/delegation/beslut', '/revision', '/las-in',
    '/konto/nycklar', '/konto/losenord', '/admin/konton', '/admin/konton/sekreterare', '/admin/organisation',
    '/admin/installningar']) {
    await visit(p);
  }
  await page.goto(`${base}/arenden`);
  for (const p of (await hrefs('/arenden/')).filter((h) => /^\/arenden\/\d+$/.test(h)).slice(0, 3)) await visit(p);
  await page.goto(`${base}/ej-verkstallda`);
  for (const p of (await hrefs('/ej-verkstallda/')).filter((h) => !/ivo|diagram/.test(h)).slice(0, 1)) await visit(p);
  await page.goto(`${base}/sammantraden`);
  for (const p of (await hrefs('/sammantraden/')).filter((h) => /^\/sammantraden\/\d+$/.test(h))) await visit(p);
  await context.close();
});

// A reader checks a protocol at /verifiera: from the protocol's own page (its address), and
// by uploading the public PDF as downloaded, then the same PDF with one byte changed.
test('a reader checks a protocol at /verifiera, by address and by file', async () => {
  const context = await browser.newContext({ locale: 'sv-SE', bypassCSP: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${base}/protokoll/`);
  const first = (await page.$$eval('a[href^="/protokoll/"]', (as) => as.map((a) => a.getAttribute('href'))))
    .find((h) => /^\/protokoll\/\d+$/.test(h));
  await page.goto(`${base}${first}`);
  await page.getByRole('link', { name: 'Kontrollera att protokollet är oförändrat' }).click();
  await page.waitForURL(/\/verifiera\?adress=/);
  assert.match(await page.locator('main').innerText(), /Håller\. Sigillet håller/);
  await fitsNarrow(page, '/verifiera med adress');
  await axeCheck(page, '/verifiera med adress');

  const pdf = Buffer.from(await (await fetch(`${base}${first}/protokoll-offentlig.pdf`)).arrayBuffer());
  await page.goto(`${base}/verifiera`);
  await fitsNarrow(page, '/verifiera');
  await axeCheck(page, '/verifiera');
  await page.setInputFiles('#fil', { name: 'protokoll.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Kontrollera PDF-filen' }).click();
  const ok = await page.locator('main').innerText();
  assert.match(ok, /Håller\. Underskriften håller/);
  assert.match(ok, /den här kommunens organisationscertifikat/);
  await fitsNarrow(page, '/verifiera med PDF');
  await axeCheck(page, '/verifiera med PDF');

  const changed = Buffer.from(pdf);
  const at = changed.indexOf('/Creator');
  changed[at + 1] = 'K'.charCodeAt(0);
  await page.goto(`${base}/verifiera`);
  await page.setInputFiles('#fil', { name: 'andrad.pdf', mimeType: 'application/pdf', buffer: changed });
  await page.getByRole('button', { name: 'Kontrollera PDF-filen' }).click();
  assert.match(await page.locator('main').innerText(), /Håller inte\./);
  await context.close();
});

test('an administrator creates an account in the browser, and its holder changes the password', async () => {
  const context = await browser.newContext({ locale: 'sv-SE', bypassCSP: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await login(page, 'admin');
  await page.getByRole('link', { name: 'Konton' }).click();
  await page.waitForURL(/\/admin\/konton$/);
  await axeCheck(page, 'kontona');
  await fitsNarrow(page, 'kontona');
  // A password too short: refused, and what was typed is still there.
  await page.getByLabel('Inloggningsnamn').fill('nora');
  await page.getByLabel('Namn', { exact: true }).fill('Nora Ny');
  await page.getByRole('radio', { name: /Handläggare/ }).check();
  await page.getByRole('group', { name: 'Organ som rollen gäller i' }).getByRole('checkbox', { name: 'Socialnämnden', exact: true }).check();
  await page.getByLabel('Lösenord (minst 10 tecken)').fill('kort');
  await page.getByLabel('Samma lösenord igen').fill('kort');
  await page.getByRole('button', { name: 'Skapa kontot' }).click();
  assert.match(await page.locator('[role=alert]').innerText(), /minst 10 tecken/);
  assert.equal(await page.getByLabel('Namn', { exact: true }).inputValue(), 'Nora Ny');
  await axeCheck(page, 'kontona med ett fel');
  await page.getByLabel('Lösenord (minst 10 tecken)').fill('Nora-första-lösen');
  await page.getByLabel('Samma lösenord igen').fill('Nora-första-lösen');
  await page.getByRole('button', { name: 'Skapa kontot' }).click();
  await page.waitForURL(/\/admin\/konton$/);
  assert.match(await page.content(), /Nora Ny/);
  await page.goto(`${base}/admin/konton/nora`);
  await axeCheck(page, 'ett konto');
  await fitsNarrow(page, 'ett konto');
  await logout(page);

  await page.goto(`${base}/logga-in`);
  await page.getByLabel('Användarnamn').fill('nora');
  await page.getByLabel('Lösenord').fill('Nora-första-lösen');
  await page.getByRole('button', { name: 'Logga in' }).click();
  // The administrator chose the password: Nora chooses her own before anything else.
  await page.waitForURL(/\/konto\/losenord$/);
  await axeCheck(page, 'byt lösenord');
  await fitsNarrow(page, 'byt lösenord');
  await page.getByLabel('Nuvarande lösenord').fill('Nora-första-lösen');
  await page.getByLabel('Nytt lösenord (minst 10 tecken)').fill('Nora-andra-lösen');
  await page.getByLabel('Samma nya lösenord igen').fill('Nora-andra-lösen');
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await page.waitForURL(/\/logga-in$/);
  await page.getByLabel('Användarnamn').fill('nora');
  await page.getByLabel('Lösenord').fill('Nora-andra-lösen');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL(/\/sammantraden$/);
  await context.close();
});

// An IT department's first hour: `init --admin-user` on an empty machine, then the browser
// alone: the administrator registers a nämnd, its members and a secretary, and the secretary
// plans a meeting.
test('from an empty installation to a planned meeting, in the browser', async () => {
  const dir = join(data, 'empty');
  await initWithAdmin(dir);
  const port = await freePort();
  const site = `http://127.0.0.1:${port}`;
  const own = spawn(BIN, ['serve', '--data', dir, '--addr', `127.0.0.1:${port}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitFor(`${site}/readyz`, 60_000);
    const context = await browser.newContext({ locale: 'sv-SE', bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site}/logga-in`);
    await page.getByLabel('Användarnamn').fill('admin');
    await page.getByLabel('Lösenord').fill('Admin-lösen-2026');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(/\/sammantraden$/);
    // The municipality's settings: a wrong organisationsnummer is named and what was typed
    // stays; the right one is saved and the public start page carries the name.
    await page.getByRole('link', { name: 'Inställningar' }).click();
    await page.waitForURL(/\/admin\/installningar$/);
    await axeCheck(page, 'inställningarna');
    await fitsNarrow(page, 'inställningarna');
    await page.getByLabel('Förvaringsplats för protokollen').fill('Kommunkansliet, Hagfors');
    await page.getByLabel('Organisationsnummer').fill('212000-1885');
    await page.getByRole('button', { name: 'Spara inställningarna' }).click();
    assert.match(await page.locator('[role=alert]').innerText(), /212000-1885|organisationsnummer/i);
    assert.equal(await page.getByLabel('Förvaringsplats för protokollen').inputValue(), 'Kommunkansliet, Hagfors');
    await axeCheck(page, 'inställningarna med ett fel');
    await page.getByLabel('Organisationsnummer').fill('212000-1884');
    await page.getByLabel('Kommunens namn').fill('Hagfors kommun (test)');
    await page.getByRole('button', { name: 'Spara inställningarna' }).click();
    assert.match(await page.locator('[role=status]').innerText(), /Sparat/);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    await page.locator('#s-logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Ladda upp logotypen' }).click();
    assert.match(await page.locator('[role=status]').innerText(), /Sparat/);
    const home = await (await fetch(`${site}/`)).text();
    assert.match(home, /Hagfors kommun \(test\)/);
    assert.match(home, /\/logotyp\.png/);
    assert.equal((await fetch(`${site}/logotyp.png`)).status, 200);
    await page.getByRole('link', { name: 'Organisationen' }).click();
    await axeCheck(page, 'organisationen');
    await fitsNarrow(page, 'organisationen');
    await page.getByLabel('Organets namn').fill('Socialnämnden');
    await page.getByLabel('Kortnamn (t.ex. SN)').fill('SN');
    await page.getByLabel('Slag').selectOption('nämnd');
    await page.getByRole('button', { name: 'Lägg till organet' }).click();
    for (const name of ['Karin Ek', 'Per Ås', 'Cia Sekr']) {
      await page.getByLabel('Namn', { exact: true }).fill(name);
      await page.getByRole('button', { name: 'Lägg till personen' }).click();
    }
    for (const [name, position] of [['Karin Ek', 'ordförande'], ['Per Ås', '']]) {
      await page.locator('#m-person').selectOption({ label: name });
      await page.locator('#m-body').selectOption({ label: 'Socialnämnden' });
      await page.locator('#m-role').selectOption('ledamot');
      await page.locator('#m-position').selectOption(position);
      await page.locator('#m-from').fill('2026-01-01');
      await page.getByRole('button', { name: 'Lägg till uppdraget' }).click();
    }
    assert.match(await page.getByRole('region', { name: 'Uppdrag' }).innerText(), /Karin Ek[\s\S]*ordförande/);
    // A mandate period the wrong way round is refused with what was typed; then the right one.
    await page.getByLabel('Första dag').fill('2027-01-01');
    await page.getByLabel('Sista dag').fill('2026-12-31');
    await page.getByRole('button', { name: 'Lägg till mandatperioden' }).click();
    assert.equal(await page.getByLabel('Första dag').inputValue(), '2027-01-01');
    await page.getByLabel('Sista dag').fill('2030-12-31');
    await page.getByRole('button', { name: 'Lägg till mandatperioden' }).click();
    assert.match(await page.content(), /2027-01-01–2030-12-31/);
    await page.locator('#f-person').selectOption({ label: 'Cia Sekr' });
    await page.getByLabel('Titel (t.ex. socialchef)').fill('nämndsekreterare');
    await page.getByLabel('Förvaltning (valfri)').fill('Kommunledningsförvaltningen');
    await page.getByRole('button', { name: 'Lägg till tjänstepersonen' }).click();
    assert.match(await page.getByRole('region', { name: 'Tjänstepersoner' }).innerText(), /Cia Sekr[\s\S]*nämndsekreterare/);
    // The register's export: a bad file names its lines and stores nothing; a good one is read.
    const upload = async (text) => {
      await page.locator('#m-file').setInputFiles({ name: 'uppdrag.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
      await page.getByRole('button', { name: 'Läs in filen' }).click();
    };
    await upload('personnummer;namn;parti;organ;roll;uppdrag;från;till\n;Eva Lund;S;Miljönämnden;ersättare;;2026-01-01;\n');
    assert.match(await page.locator('[role=alert]').innerText(), /Rad 2, organ/);
    await axeCheck(page, 'organisationen med en felaktig fil');
    await upload('personnummer;namn;parti;organ;roll;uppdrag;från;till\n811218-9876;Eva Lund;S;SN;ersättare;;2026-01-01;\n');
    assert.match(await page.locator('[role=status]').innerText(), /1 uppdrag, 1 nya personer/);
    assert.doesNotMatch(await page.content(), /9876/);
    await axeCheck(page, 'organisationen med uppdrag');
    await page.getByRole('link', { name: 'Konton' }).click();
    await page.getByLabel('Inloggningsnamn').fill('cia');
    await page.getByLabel('Namn', { exact: true }).fill('Cia Sekr');
    await page.getByRole('radio', { name: /Nämndsekreterare/ }).check();
    await page.getByRole('checkbox', { name: 'Socialnämnden', exact: true }).check();
    await page.getByLabel('Lösenord (minst 10 tecken)').fill('Cia-lösen-2026');
    await page.getByLabel('Samma lösenord igen').fill('Cia-lösen-2026');
    await page.getByRole('button', { name: 'Skapa kontot' }).click();
    await page.waitForURL(/\/admin\/konton$/);
    await logout(page);

    await page.goto(`${site}/logga-in`);
    await page.getByLabel('Användarnamn').fill('cia');
    await page.getByLabel('Lösenord').fill('Cia-lösen-2026');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(/\/konto\/losenord$/);
    await page.getByLabel('Nuvarande lösenord').fill('Cia-lösen-2026');
    await page.getByLabel('Nytt lösenord (minst 10 tecken)').fill('Cias-egna-lösen');
    await page.getByLabel('Samma nya lösenord igen').fill('Cias-egna-lösen');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.waitForURL(/\/logga-in$/);
    await page.getByLabel('Användarnamn').fill('cia');
    await page.getByLabel('Lösenord').fill('Cias-egna-lösen');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(/\/sammantraden$/);
    await page.getByLabel('Organ', { exact: true }).selectOption({ label: 'Socialnämnden' });
    await page.getByLabel('Datum').fill('2026-12-14');
    await page.getByLabel('Starttid').fill('13:00');
    await page.getByLabel('Plats', { exact: true }).fill('Kommunhuset');
    await page.getByRole('button', { name: 'Planera' }).click();
    await page.waitForURL(/\/sammantraden\/\d+$/);
    await axeCheck(page, 'det planerade sammanträdet');
    await context.close();
  } finally {
    own.kill();
  }
});

// Single sign-on against a real OpenID provider (the certified npm package oidc-provider,
// run by Node): an account whose name the provider vouches for is logged in through the
// browser; a name with no account is refused with a reason; with local passwords turned
// off the password form is gone.
test('single sign-on through a real OpenID provider, in the browser', async () => {
  const dir = join(data, 'sso');
  await initWithAdmin(dir);

  const [idpPort, port] = [await freePort(), await freePort()];
  const site = `http://127.0.0.1:${port}`;
  const idp = spawn(process.execPath, [new URL('oidc-provider.mjs', import.meta.url).pathname, String(idpPort), 'paragraf', 'klienthemlighet-2026',
    `${site}/logga-in/sso/klar`], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    idp.stdout.on('data', (d) => { if (String(d).includes('ready')) resolve(); });
    idp.on('exit', (c) => reject(new Error(`oidc-provider exited ${c}`)));
  });
  const config = async (localPasswords) => {
    let toml = readFileSync(join(dir, 'paragraf.toml'), 'utf8').replace(/\n\[sso\][\s\S]*$/, '\n');
    toml = toml.includes('[server]')
      ? toml.replace(/\[server\]\n(public_url = .*\n)?/, `[server]\npublic_url = "${site}"\n`)
      : `${toml}\n[server]\npublic_url = "${site}"\n`;
    toml += `\n[sso]\nissuer = "http://127.0.0.1:${idpPort}"\nclient_id = "paragraf"\nclient_secret = "klienthemlighet-2026"\n`
      + `label = "Logga in med Hagfors-kontot"\nlocal_passwords = ${localPasswords}\n`;
    writeFileSync(join(dir, 'paragraf.toml'), toml);
  };
  const serve = async () => {
    const s = spawn(BIN, ['serve', '--data', dir, '--addr', `127.0.0.1:${port}`], { stdio: ['ignore', 'ignore', 'inherit'] });
    await waitFor(`${site}/readyz`, 60_000);
    return s;
  };
  const viaProvider = async (page, name) => {
    await page.goto(`${site}/logga-in`);
    await page.getByRole('button', { name: 'Logga in med Hagfors-kontot' }).click();
    // The provider's own login and consent pages.
    await page.waitForURL(new RegExp(`^http://127.0.0.1:${idpPort}/`));
    await page.locator('input[name=login]').fill(name);
    await page.locator('input[name=password]').fill('vad-som-helst');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(new RegExp(`^${site}/`));
  };
  await config(true);
  // An account with no local password: it logs in only through the provider.
  const add = spawn(BIN, ['user', 'add', '--data', dir, '--username', 'anna.berg', '--name', 'Anna Berg',
    '--role', 'administratör', '--sso'], { stdio: ['ignore', 'ignore', 'inherit'] });
  assert.equal(await new Promise((r) => add.on('exit', r)), 0, 'user add --sso');
  let own = await serve();
  try {
    const context = await browser.newContext({ locale: 'sv-SE', bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site}/logga-in`);
    await axeCheck(page, 'inloggningen med identitetsleverantör');
    await fitsNarrow(page, 'inloggningen med identitetsleverantör');
    await viaProvider(page, 'anna.berg');
    await page.waitForURL(/\/sammantraden$/);
    assert.match(await page.content(), /Anna Berg/);
    await logout(page);
    await context.close();

    // A name the provider knows but Paragraf does not (a new browser, so that the provider
    // asks again): refused, with the reason.
    const other = await browser.newContext({ locale: 'sv-SE', bypassCSP: true, viewport: { width: 390, height: 844 } });
    const stranger = await other.newPage();
    await viaProvider(stranger, 'okand.person');
    assert.match(await stranger.locator('[role=alert]').innerText(), /inget konto i Paragraf med användarnamnet okand\.person/);
    await axeCheck(stranger, 'en nekad inloggning');
    assert.equal((await other.cookies()).filter((c) => c.name === 'paragraf_session' && c.value).length, 0);
    await other.close();
  } finally {
    own.kill();
    await new Promise((r) => own.on('exit', r));
  }

  // Local passwords turned off: only the provider's button.
  await config(false);
  own = await serve();
  try {
    const context = await browser.newContext({ locale: 'sv-SE', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${site}/logga-in`);
    assert.equal(await page.locator('input[name=password]').count(), 0);
    const refused = await fetch(`${site}/logga-in`, {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=admin&password=Admin-l%C3%B6sen-2026',
    });
    assert.equal(refused.status, 403);
    await viaProvider(page, 'anna.berg');
    await page.waitForURL(/\/sammantraden$/);
    await context.close();
  } finally {
    own.kill();
    idp.kill();
  }
});
