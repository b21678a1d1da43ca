// Seed 004's meeting recreated in the browser alone (#16), from an empty installation: the
// administrator registers the nämnd, its ledamöter and ersättare with their parties (the
// register's export), the tjänstepersoner and the secretary's account; the secretary plans
// the meeting, puts its 19 items on the föredragningslista with their diarienummer, sends the
// kallelse, holds the meeting, records the närvarolista with the seed's substitution and
// per-§ presence, writes every § (rubrik, beskrivning, beslut as running text, tables,
// beslutsunderlag, "skickas till"), records the justering signed on paper and posts the
// anslag. The result is compared field by field with the same protocol imported from the
// seed's text: every field that the import holds must be equal. Page loads are counted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BIN, freePort, launchChromium, waitFor, dbEnv } from './support.mjs';

const SEED = resolve('../tests/fixtures/004_781e15fbb2993ffb.txt');

let browser, data;



// `init` makes its installation on PostgreSQL when the tests run there (support.mjs).
const cli = (args, input) => execFileSync(BIN, args, {
  encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'],
  env: { ...process.env, ...(args[0] === 'init' ? dbEnv(args[args.indexOf('--data') + 1]) : {}) },
});

before(async () => {
  data = mkdtempSync(join(tmpdir(), 'paragraf-recreate-'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(data, { recursive: true, force: true });
});

/** The meeting and its minutes with people by name and without stores' ids. */
function normalised(dir, meetingId) {
  const shown = JSON.parse(cli(['meeting', 'show', '--meeting', String(meetingId), '--data', dir, '--json']));
  const persons = JSON.parse(cli(['person', 'list', '--data', dir, '--json']));
  const name = (id) => (id == null ? null : persons.find((p) => p.id === id)?.name ?? `?${id}`);
  const m = shown.meeting;
  const min = shown.minutes;
  return {
    date: m.date, start: m.start, end: m.end, place: m.place,
    agenda: m.agenda.map((i) => ({ position: i.position, title: i.title, case_number: i.case_number, secrecy: i.secrecy })),
    chair: name(min.chair),
    secretary: name(min.secretary),
    adjusters: min.adjusters.map(name),
    attendance: min.attendance.attendees.map((a) => ({
      name: name(a.person),
      party: a.party ?? null,
      position: a.position ?? null,
      role: a.role.kind,
      replaces: name(a.role.replaces ?? null),
      title: a.role.title ?? null,
      presence: a.presence.written ?? null,
    })).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    paragraphs: min.paragraphs.map((p) => ({
      number: p.number, title: p.title, case_number: p.case_number ?? null, secrecy: p.secrecy,
      text: p.text, decision: p.decision ?? null, documents: p.documents, dispatch: p.dispatch, tables: p.tables,
      motions: p.motions.map((m) => ({ id: m.id, by: name(m.by), supported_by: m.supported_by.map(name), text: m.text, withdrawn: m.withdrawn })),
      propositions: p.propositions ?? null,
      votes: p.votes, reservations: p.reservations, notes: p.notes, conflicts: p.conflicts,
    })),
  };
}

/** Tables as the § form takes them (crates/app/src/meeting/tables.rs). */
function tablesText(tables) {
  const cell = (v) => (v == null ? '' : typeof v === 'number' ? String(v).replace('.', ',') : String(v));
  const row = (r, child) => `${child ? '> ' : ''}${[r.label ?? '', ...r.values.map(cell)].join(' | ')}`;
  return tables.map((t) => [
    ...(t.title ? [`# ${t.title}`] : []),
    ...(t.header.length ? [`Rubrik: ${t.header.join(' | ')}`] : []),
    ...t.rows.flatMap((r) => [row(r, false), ...r.children.map((c) => row(c, true))]),
  ].join('\n')).join('\n\n');
}

/** Writes § `p` as the reference holds it through the Beslut form, then its yrkanden
 * (`motions`: mover and those who instämmer by name, the text) through the Yrkande form. */
async function writeParagraph(page, p, motions) {
  await page.getByText(`Beslut i § ${p.number}`, { exact: true }).click();
  const f = page.locator('form[action$="/beslut"]').filter({ has: page.locator(`input[name=paragraph][value="${p.number}"]`) });
  await f.locator('input[name=title]').fill(p.title);
  await f.locator('textarea[name=text]').fill(p.text);
  if (p.decision?.form === 'text') {
    await f.locator('input[name=form][value=text]').check();
    await f.locator('textarea[name=clauses]').fill(p.decision.text);
  } else if (p.decision) {
    await f.locator('input[name=intro]').fill(p.decision.intro ?? '');
    await f.locator('textarea[name=clauses]').fill(p.decision.clauses.join('\n'));
  } else {
    await f.locator('textarea[name=clauses]').fill('');
    await f.locator('select[name=disposition]').selectOption('information');
  }
  await f.locator('textarea[name=documents]').fill(p.documents.join('\n'));
  await f.locator('textarea[name=dispatch]').fill(p.dispatch.join('\n'));
  await f.locator('textarea[name=tables]').fill(tablesText(p.tables));
  await f.getByRole('button').last().click();
  await page.waitForLoadState();
  assert.doesNotMatch(await page.content(), /Det gick inte att spara/, `§ ${p.number}`);
  for (const m of motions) {
    await page.getByText(`Yrkande eller protokollsanteckning i § ${p.number}`, { exact: true }).click();
    const y = page.locator('form[action$="/yrkande"]').filter({ has: page.locator(`input[name=paragraph][value="${p.number}"]`) });
    await y.getByLabel('Yrkande av').selectOption({ label: m.by });
    await y.getByLabel('Yrkandet').fill(m.text);
    for (const who of m.supporters) await y.getByRole('checkbox', { name: who, exact: true }).check();
    await y.getByRole('button', { name: 'Registrera yrkandet' }).click();
    await page.waitForLoadState();
    assert.doesNotMatch(await page.content(), /Det gick inte att spara/, `yrkande i § ${p.number}`);
  }
}

/** The first administrator logs in and adds the nämnd; the page stays on the organisation. */
async function adminAddsBody(page, site, name, short) {
  await page.goto(`${site}/logga-in`);
  await page.getByLabel('Användarnamn').fill('admin');
  await page.getByLabel('Lösenord').fill('Admin-lösen-2024');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL(/\/sammantraden$/);
  await page.goto(`${site}/admin/organisation`);
  await page.getByLabel('Organets namn').fill(name);
  await page.getByLabel('Kortnamn (t.ex. SN)').fill(short);
  await page.getByLabel('Slag').selectOption('nämnd');
  await page.getByRole('button', { name: 'Lägg till organet' }).click();
}

/** Fills in the login form as `user` with `password` and sends it. */
async function logIn(page, site, user, password) {
  await page.goto(`${site}/logga-in`);
  await page.getByLabel('Användarnamn').fill(user);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** A new account's first login: the password the administrator gave is changed to `own`. */
async function firstLogin(page, site, user, given, own) {
  await logIn(page, site, user, given);
  await page.waitForURL(/\/konto\/losenord$/);
  await page.getByLabel('Nuvarande lösenord').fill(given);
  await page.getByLabel('Nytt lösenord (minst 10 tecken)').fill(own);
  await page.getByLabel('Samma nya lösenord igen').fill(own);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await page.waitForURL(/\/logga-in$/);
}

/** The secretary records the justering each of `signers` made on paper on `date`. */
async function justeredOnPaper(page, signers, date) {
  for (const who of signers) {
    assert.doesNotMatch(await page.content(), /Innan protokollet kan justeras/);
    await page.getByText('Registrera en justering som gjorts på papper').click();
    const signer = await page.locator('#pj-signer option').evaluateAll(
      (os, n) => os.find((o) => o.textContent.startsWith(`${n},`))?.value, who);
    await page.locator('#pj-signer').selectOption(signer);
    await page.locator('#pj-signed').fill(date);
    await page.getByRole('button', { name: 'Registrera justeringen' }).click();
    assert.doesNotMatch(await page.content(), /Det gick inte att spara/, `justering av ${who}`);
  }
}

async function serve(dir, day) {
  const port = await freePort();
  const proc = spawn(BIN, ['serve', '--data', dir, '--addr', `127.0.0.1:${port}`],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PARAGRAF_TODAY: day } });
  const site = `http://127.0.0.1:${port}`;
  await waitFor(`${site}/readyz`, 60_000);
  return { proc, site };
}

async function stop(server) {
  const exited = new Promise((r) => server.proc.once('exit', r));
  server.proc.kill();
  await exited;
}

test("seed 004's meeting recreated in the browser equals the imported protocol", async () => {
  // The reference: the seed's text imported.
  const ref = join(data, 'ref');
  cli(['init', '--data', ref, '--municipality', 'Ludvika kommun']);
  cli(['import', '--data', ref, SEED]);
  const want = normalised(ref, 1);
  const refShown = JSON.parse(cli(['meeting', 'show', '--meeting', '1', '--data', ref, '--json']));
  const refPersons = JSON.parse(cli(['person', 'list', '--data', ref, '--json']));
  const refName = (id) => refPersons.find((p) => p.id === id).name;
  const attendees = refShown.minutes.attendance.attendees;

  // The browser's installation: empty, with its first administrator.
  const dir = join(data, 'web');
  cli(['init', '--data', dir, '--municipality', 'Ludvika kommun', '--admin-user', 'admin'], 'Admin-lösen-2024\nAdmin-lösen-2024\n');
  let server = await serve(dir, '2024-01-15');
  let loads = 0;
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('load', () => { loads += 1; });
  const site = () => server.site;
  try {
    // The organisation: the nämnd, the register's export of its ledamöter and ersättare, the
    // tjänstepersoner (a second Helena Karlsson among them), the secretary's account.
    await adminAddsBody(page, site(), 'Vård- och omsorgsnämnden', 'VON');
    const rows = ['personnummer;namn;parti;organ;roll;uppdrag;från;till'];
    for (const a of attendees) {
      if (a.role.kind === 'other') continue;
      const role = a.role.kind === 'member' ? 'ledamot' : 'ersättare';
      rows.push(`;${refName(a.person)};${a.party ?? ''};VON;${role};${a.position === 'chair' ? 'ordförande' : ''};2023-01-01;`);
      if (a.role.kind === 'serving_substitute') {
        rows.push(`;${refName(a.role.replaces)};${a.party ?? ''};VON;ledamot;;2023-01-01;`);
      }
    }
    await page.locator('#m-file').setInputFiles({ name: 'uppdrag.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') });
    await page.getByRole('button', { name: 'Läs in filen' }).click();
    assert.match(await page.locator('[role=status]').innerText(), /Inläst/);
    for (const a of attendees.filter((x) => x.role.kind === 'other')) {
      const who = refName(a.person);
      await page.getByLabel('Namn', { exact: true }).fill(who);
      await page.getByRole('button', { name: 'Lägg till personen' }).click();
      // The newest person of that name (a ledamot may share it).
      const value = await page.locator('#f-person option').evaluateAll(
        (os, n) => os.filter((o) => o.textContent.trim() === n).map((o) => Number(o.value)).sort((x, y) => y - x)[0], who);
      await page.locator('#f-person').selectOption(String(value));
      await page.getByLabel('Titel (t.ex. socialchef)').fill(a.role.title);
      await page.getByRole('button', { name: 'Lägg till tjänstepersonen' }).click();
    }
    await page.getByRole('link', { name: 'Konton' }).click();
    await page.getByLabel('Inloggningsnamn').fill('asa');
    await page.getByLabel('Namn', { exact: true }).fill('Åsa Engberg');
    await page.getByRole('radio', { name: /Nämndsekreterare/ }).check();
    await page.getByRole('checkbox', { name: 'Vård- och omsorgsnämnden', exact: true }).check();
    await page.getByLabel('Person i organisationen (för den som justerar)').selectOption({ label: 'Åsa Engberg' });
    await page.getByLabel('Lösenord (minst 10 tecken)').fill('Asa-lösen-2024');
    await page.getByLabel('Samma lösenord igen').fill('Asa-lösen-2024');
    await page.getByRole('button', { name: 'Skapa kontot' }).click();
    await page.waitForURL(/\/admin\/konton$/);
    await page.getByRole('button', { name: 'Logga ut' }).click();

    // The secretary: first login, own password.
    const login = async () => {
      await logIn(page, site(), 'asa', 'Asas-egna-lösen');
      await page.waitForURL(/\/sammantraden$/);
    };
    await firstLogin(page, site(), 'asa', 'Asa-lösen-2024', 'Asas-egna-lösen');
    const before = loads;
    await login();

    // The meeting, its end time, the föredragningslista, the kallelse.
    await page.getByLabel('Organ', { exact: true }).selectOption({ label: 'Vård- och omsorgsnämnden' });
    await page.getByLabel('Datum').fill(want.date);
    await page.getByLabel('Starttid').fill(want.start.slice(0, 5));
    await page.getByLabel('Plats', { exact: true }).fill(want.place);
    await page.getByRole('button', { name: 'Planera' }).click();
    await page.waitForURL(/\/sammantraden\/\d+$/);
    const meetingId = Number(page.url().split('/').pop());
    const meetingUrl = () => `${site()}/sammantraden/${meetingId}`;
    await page.getByText('Ändra datum, tid eller plats').click();
    await page.locator('#e-end').fill(want.end.slice(0, 5));
    // Each count waits for the page the click loads: a click returns before its page has
    // loaded, and a busy machine would move a load from one count to the next.
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Spara ändringen' }).click()]);
    const beforeAgenda = loads;
    for (const item of want.agenda) {
      await page.locator('#topic-title').fill(item.title);
      await page.locator('#topic-dnr').fill(item.case_number ?? '');
      await page.getByRole('checkbox', { name: /Enskilds ärende/ }).setChecked(item.secrecy === 'individual_case');
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Lägg till punkten' }).click()]);
    }
    const agendaLoads = loads - beforeAgenda;
    await page.getByRole('button', { name: 'Skicka kallelsen' }).click();

    // The meeting's day.
    await stop(server);
    server = await serve(dir, want.date);
    await login();
    await page.goto(meetingUrl());
    await page.getByRole('button', { name: 'Markera som genomfört' }).click();
    await page.getByLabel('Ordförande', { exact: true }).selectOption({ label: want.chair });
    await page.getByLabel('Justerare', { exact: true }).selectOption({ label: want.adjusters[0] });
    await page.getByLabel('Justeringens plats och tid').fill('Vård- och omsorgsförvaltningen');
    await page.getByRole('button', { name: 'Upprätta protokoll' }).click();

    // The närvarolista: beslutande, the serving ersättare, those present, per-§ presence.
    const form = page.locator('form[action$="/narvaro"]');
    await form.locator('summary').click();
    for (const a of attendees) {
      const who = refName(a.person);
      if (a.role.kind === 'member') await form.getByRole('checkbox', { name: who, exact: true }).check();
      if (a.role.kind === 'substitute') await form.getByLabel(who, { exact: true }).selectOption('present');
      if (a.role.kind === 'serving_substitute') {
        await form.getByLabel(who, { exact: true }).selectOption({ label: `tjänstgör för ${refName(a.role.replaces)}` });
      }
      if (a.role.kind === 'other') await form.getByRole('checkbox', { name: `${who}, ${a.role.title}`, exact: true }).check();
      if (a.presence.written) {
        const label = a.role.kind === 'other' ? `Närvaro för ${who}, ${a.role.title}` : `Närvaro för ${who}`;
        await form.getByLabel(label, { exact: true }).fill(a.presence.written);
      }
    }
    await form.getByRole('button', { name: 'Spara närvaro' }).click();
    await page.waitForURL(/\/sammantraden\/\d+$/);
    await page.waitForLoadState();
    assert.doesNotMatch(await page.content(), /Det gick inte att spara/);

    // Every §, with its yrkanden.
    const beforeParagraphs = loads;
    for (const p of refShown.minutes.paragraphs) {
      await writeParagraph(page, p, p.motions.map((m) => ({ by: refName(m.by), supporters: m.supported_by.map(refName), text: m.text })));
    }
    const paragraphLoads = loads - beforeParagraphs;

    // The justering signed on paper, recorded by the secretary; then the anslag.
    await justeredOnPaper(page, [want.chair, want.adjusters[0]], want.date);
    assert.match(await page.content(), /justerat/);
    await page.getByLabel('Förvaringsplats för protokollet').fill('vård- och omsorgsförvaltningen');
    await page.getByRole('button', { name: 'Sätt upp anslaget' }).click();
    assert.match(await page.locator('.state').first().innerText(), /anslaget/);
    const pageLoads = loads - before;

    const got = normalised(dir, meetingId);
    // Where the importer could not tell whether an item is public ("unclassified": it waits
    // for a person to decide), it holds no value; the secretary who wrote it decided.
    want.agenda.forEach((item, i) => { if (item.secrecy === 'unclassified') item.secrecy = got.agenda[i]?.secrecy; });
    for (const key of Object.keys(want)) {
      if (key === 'paragraphs') continue;
      assert.deepEqual(got[key], want[key], key);
    }
    assert.equal(got.paragraphs.length, want.paragraphs.length);
    for (let i = 0; i < want.paragraphs.length; i += 1) {
      if (want.paragraphs[i].secrecy === 'unclassified') {
        want.paragraphs[i].secrecy = got.paragraphs[i].secrecy;
      }
      assert.deepEqual(got.paragraphs[i], want.paragraphs[i], `§ ${want.paragraphs[i].number}`);
    }
    const n = want.paragraphs.length;
    const motions = want.paragraphs.reduce((k, p) => k + p.motions.length, 0);
    assert.equal(agendaLoads, n, 'one page load per agenda item');
    assert.equal(paragraphLoads, n + motions, 'one page load per § and per yrkande');
    const fixed = pageLoads - agendaLoads - paragraphLoads;
    console.log(`seed 004 recreated in the browser: ${pageLoads} page loads from the secretary's login to the posted protocol `
      + `(${n} §§ with ${motions} yrkanden): ${fixed} for the meeting, its närvarolista, justering and anslag, one per agenda item, `
      + `one per § and one per yrkande — a one-§ meeting without yrkanden takes ${fixed + 2}`);
  } finally {
    await context.close();
    await stop(server);
  }
});

// Seed 001's §§ 14–31 with their yrkanden, written in the browser alone and compared with the
// same §§ imported from the seed's text. The seed is a set of extracts: it names no chair, no
// närvarolista and no time, and its §§ continue a series begun in a protocol it does not hold.
// So the browser's nämnd gets a chair and two members of the test's own, its §§ are numbered
// from 1 and compared in order, and the chair's yrkanden ("Ordförande yrkar att …"), which the
// importer can hand to no person (it keeps them in the text, as written), are registered as
// yrkanden of the chair: the text written plus "Ordförande yrkar" and the yrkande must give
// the imported text exactly, and the protocol must print the yrkande under the chair's name.
test("seed 001's §§ with their yrkanden recreated in the browser equal the imported ones", async () => {
  const ref = join(data, 'ref-001');
  cli(['init', '--data', ref, '--municipality', 'Gällivare kommun']);
  cli(['import', '--data', ref, resolve('../tests/fixtures/001_99c67a5cadad0a17.txt')]);
  const want = normalised(ref, 1);
  const refShown = JSON.parse(cli(['meeting', 'show', '--meeting', '1', '--data', ref, '--json']));
  const CHAIR = 'Maria Lindqvist';
  const YRKAR = '\n\nOrdförande yrkar ';
  const split = (text) => {
    const at = text.lastIndexOf(YRKAR);
    return at < 0 ? { text, motion: null } : { text: text.slice(0, at), motion: text.slice(at + YRKAR.length) };
  };

  const dir = join(data, 'web-001');
  cli(['init', '--data', dir, '--municipality', 'Gällivare kommun', '--admin-user', 'admin'], 'Admin-lösen-2024\nAdmin-lösen-2024\n');
  let server = await serve(dir, '2024-02-01');
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const site = () => server.site;
  try {
    await adminAddsBody(page, site(), 'Socialnämnden', 'SN');
    const rows = [
      'personnummer;namn;parti;organ;roll;uppdrag;från;till',
      `;${CHAIR};S;SN;ledamot;ordförande;2023-01-01;`,
      ';Per Holmgren;M;SN;ledamot;;2023-01-01;',
      ';Eva Nordin;V;SN;ledamot;;2023-01-01;',
    ];
    await page.locator('#m-file').setInputFiles({ name: 'uppdrag.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') });
    await page.getByRole('button', { name: 'Läs in filen' }).click();
    assert.match(await page.locator('[role=status]').innerText(), /Inläst/);
    await page.getByRole('link', { name: 'Konton' }).click();
    await page.getByLabel('Inloggningsnamn').fill('sek');
    await page.getByLabel('Namn', { exact: true }).fill('Sara Sekreterare');
    await page.getByRole('radio', { name: /Nämndsekreterare/ }).check();
    await page.getByRole('checkbox', { name: 'Socialnämnden', exact: true }).check();
    await page.getByLabel('Lösenord (minst 10 tecken)').fill('Sek-lösen-2024');
    await page.getByLabel('Samma lösenord igen').fill('Sek-lösen-2024');
    await page.getByRole('button', { name: 'Skapa kontot' }).click();
    await page.waitForURL(/\/admin\/konton$/);
    await page.getByRole('button', { name: 'Logga ut' }).click();

    const login = () => logIn(page, site(), 'sek', 'Saras-egna-lösen');
    await firstLogin(page, site(), 'sek', 'Sek-lösen-2024', 'Saras-egna-lösen');
    await login();
    await page.waitForURL(/\/sammantraden$/);

    await page.getByLabel('Organ', { exact: true }).selectOption({ label: 'Socialnämnden' });
    await page.getByLabel('Datum').fill(want.date);
    await page.getByLabel('Starttid').fill('13:00');
    await page.getByLabel('Plats', { exact: true }).fill('Kommunhuset');
    await page.getByRole('button', { name: 'Planera' }).click();
    await page.waitForURL(/\/sammantraden\/\d+$/);
    const meetingId = Number(page.url().split('/').pop());
    for (const item of want.agenda) {
      await page.locator('#topic-title').fill(item.title);
      await page.locator('#topic-dnr').fill(item.case_number ?? '');
      await page.getByRole('checkbox', { name: /Enskilds ärende/ }).setChecked(item.secrecy === 'individual_case');
      await page.getByRole('button', { name: 'Lägg till punkten' }).click();
    }
    await page.getByRole('button', { name: 'Skicka kallelsen' }).click();

    await stop(server);
    server = await serve(dir, want.date);
    await login();
    await page.waitForURL(/\/sammantraden$/);
    await page.goto(`${site()}/sammantraden/${meetingId}`);
    await page.getByRole('button', { name: 'Markera som genomfört' }).click();
    await page.getByLabel('Ordförande', { exact: true }).selectOption({ label: CHAIR });
    await page.getByLabel('Justerare', { exact: true }).selectOption({ label: 'Per Holmgren' });
    await page.getByLabel('Justeringens plats och tid').fill('Kommunhuset');
    await page.getByRole('button', { name: 'Upprätta protokoll' }).click();
    const form = page.locator('form[action$="/narvaro"]');
    for (const who of [CHAIR, 'Per Holmgren', 'Eva Nordin']) await form.getByRole('checkbox', { name: who, exact: true }).check();
    await form.getByRole('button', { name: 'Spara närvaro' }).click();
    await page.waitForURL(/\/sammantraden\/\d+$/);
    await page.waitForLoadState();
    assert.doesNotMatch(await page.content(), /Det gick inte att spara/);

    const numbers = new Map();
    for (const [i, p] of refShown.minutes.paragraphs.entries()) {
      const number = i + 1;
      numbers.set(number, p.number);
      const { text, motion } = split(p.text);
      await writeParagraph(page, { ...p, number, text }, motion == null ? [] : [{ by: CHAIR, supporters: [], text: motion }]);
    }
    await justeredOnPaper(page, [CHAIR, 'Per Holmgren'], want.date);
    await page.getByLabel('Förvaringsplats för protokollet').fill('Vård- och socialförvaltningen');
    await page.getByRole('button', { name: 'Sätt upp anslaget' }).click();
    assert.match(await page.locator('.state').first().innerText(), /anslaget/);

    const got = normalised(dir, meetingId);
    assert.equal(got.date, want.date);
    want.agenda.forEach((item, i) => { if (item.secrecy === 'unclassified') item.secrecy = got.agenda[i]?.secrecy; });
    assert.deepEqual(got.agenda, want.agenda);
    assert.equal(got.chair, CHAIR);
    assert.equal(got.paragraphs.length, want.paragraphs.length);
    let motions = 0;
    for (const [i, w] of want.paragraphs.entries()) {
      const g = got.paragraphs[i];
      assert.equal(numbers.get(g.number), w.number);
      if (w.secrecy === 'unclassified') w.secrecy = g.secrecy;
      const { text, motion } = split(w.text);
      assert.deepEqual(w.motions, [], `§ ${w.number}: the import hands the chair's yrkande to nobody`);
      assert.deepEqual(g.motions, motion == null ? [] : [{ id: 1, by: CHAIR, supported_by: [], text: motion, withdrawn: false }], `§ ${w.number}`);
      assert.equal(g.text + (motion == null ? '' : YRKAR + g.motions[0].text), w.text, `§ ${w.number}`);
      assert.equal(g.text, text);
      motions += g.motions.length;
      assert.deepEqual({ ...g, number: w.number, text: w.text, motions: [] }, w, `§ ${w.number}`);
    }
    assert.ok(motions >= 14, `${motions} yrkanden`);
    // The protocol prints each yrkande under the chair's name and party.
    const pdf = await page.request.get(`${site()}/sammantraden/${meetingId}/dokument/protokoll.pdf`);
    assert.equal(pdf.status(), 200);
    const printed = execFileSync('pdftotext', ['-', '-'], { input: await pdf.body(), encoding: 'utf8' });
    assert.match(printed, /Yrkanden/);
    assert.match(printed, new RegExp(`${CHAIR} \\(S\\)\\s+att socialnämnden tar del av redovisning av och godkänner`));
    console.log(`seed 001 recreated in the browser: ${want.paragraphs.length} §§, ${motions} yrkanden`);
  } finally {
    await context.close();
    await stop(server);
  }
});
