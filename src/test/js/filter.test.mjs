// The report's filter script (reports-template/report.js) in jsdom. The reports are rendered by
// ReportFilterScriptTest into REPORT_DIR: typical.html (6 findings; two owners, two regions, one finding without an
// owner), hostile.html, many.html (5,000 findings; the browser check in ReportBrowserTest uses 20,000). A filter that
// walks the table per row shows up here already.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';

const dir = process.env.REPORT_DIR;
if (!dir) {
  throw new Error('REPORT_DIR is not set: run this through ReportFilterScriptTest');
}

// Where the report is read from: a pre-signed S3 link carries its signature in the query.
const SIGNED = 'https://reports.example/latest/report.html?X-Amz-Signature=abc';

function open(name, url = SIGNED) {
  const alerts = [];
  const dom = new JSDOM(readFileSync(join(dir, name), 'utf8'), {
    url,
    runScripts: 'dangerously',
    beforeParse(window) {
      window.alert = (message) => alerts.push(String(message));
    },
  });
  const { document } = dom.window;
  return {
    dom,
    alerts,
    document,
    visible: () => [...document.querySelectorAll('#findings-table tbody tr')].filter((tr) => !tr.hidden),
    shown: () => document.getElementById('shown').textContent,
    data: () => JSON.parse(document.getElementById('lg-filter-data').textContent),
    set(id, value) {
      const control = document.getElementById(id);
      control.value = value;
      control.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    },
  };
}

const settle = (ms = 200) => new Promise((resolve) => setTimeout(resolve, ms));

test('the script shows the filter form and leaves every row visible', () => {
  const report = open('typical.html');
  assert.equal(report.document.getElementById('filters').hidden, false);
  assert.equal(report.visible().length, 6);
  assert.equal(report.shown(), '6 findings');
});

test('each select narrows the rows to the matching data entries', async () => {
  const report = open('typical.html');
  const cases = [
    ['f-severity', 'MEDIUM', (e) => e.severity === 'MEDIUM'],
    ['f-family', 'OPERATIONS', (e) => e.family === 'OPERATIONS'],
    ['f-account', '222222222222', (e) => e.account === '222222222222'],
    ['f-status', 'SUPPRESSED', (e) => e.status === 'SUPPRESSED'],
    ['f-rule', 'LG-NET-003', (e) => e.rule === 'LG-NET-003'],
    ['f-region', 'us-east-1', (e) => e.region === 'us-east-1'],
    ['f-owner', 'team-a', (e) => e.owner === 'team-a'],
  ];
  for (const [id, value, matches] of cases) {
    report.document.getElementById('filters').reset();
    await settle(10);
    report.set(id, value);
    await settle(10);
    const expected = report.data().filter(matches).map((e) => e.id);
    assert.ok(expected.length > 0 && expected.length < 6, `${id}=${value} picks some rows`);
    assert.deepEqual(report.visible().map((tr) => tr.dataset.id), expected, `${id}=${value}`);
    assert.equal(report.shown(), `${expected.length} of 6 findings shown`);
  }
});

test('filters combine, free text matches every word in any case, and Clear restores all rows', async () => {
  const report = open('typical.html');
  report.set('f-family', 'NETWORK');
  report.set('f-text', 'IGW-2  other');
  await settle();
  assert.deepEqual(report.visible().map((tr) => tr.dataset.id), ['LG-NET-003-cccc']);

  report.set('f-text', 'no such thing');
  await settle();
  assert.equal(report.visible().length, 0);
  assert.equal(report.shown(), '0 of 6 findings shown');

  report.document.getElementById('filters').reset();
  await settle();
  assert.equal(report.visible().length, 6);
  assert.equal(report.shown(), '6 findings');
});

test('hostile values never run and can be searched as text', async () => {
  const report = open('hostile.html');
  assert.deepEqual(report.alerts, []);
  assert.equal(report.document.querySelectorAll('img').length, 0);
  report.set('f-text', '<script>alert(1)</script>');
  await settle();
  assert.ok(report.visible().length >= 1);
  assert.ok(report.visible().every((tr) => tr.textContent.includes('<script>alert(1)</script>')));
  // Found by the character itself, shown escaped.
  report.set('f-text', '\u202e');
  await settle();
  assert.deepEqual(report.visible().map((tr) => tr.querySelector('div.detail').textContent), ['invoice\\u202Eexe.pdf']);
});

test('5,000 findings filter in well under a second', async () => {
  const report = open('many.html');
  assert.equal(report.visible().length, 5000);
  const started = performance.now();
  report.set('f-severity', 'CRITICAL');
  await settle(0);
  const elapsed = performance.now() - started;
  assert.equal(report.visible().length, 1000);
  assert.equal(report.shown(), '1000 of 5000 findings shown');
  report.set('f-text', 'fn-4999');
  await settle();
  assert.deepEqual(report.visible().map((tr) => tr.dataset.id), ['LG-X-04999']);
  console.log(`severity filter over 5000 rows in jsdom: ${elapsed.toFixed(0)} ms`);
  assert.ok(elapsed < 1000, `took ${elapsed} ms`);
});

test('the filters are kept in the address, beside its signed query, and a reload shows the same rows', async () => {
  const report = open('typical.html');
  report.set('f-owner', 'team-b');
  report.set('f-text', 'igw');
  await settle();
  assert.deepEqual(report.visible().map((tr) => tr.dataset.id), ['LG-NET-003-cccc']);
  const url = new URL(report.dom.window.location.href);
  assert.equal(url.search, '?X-Amz-Signature=abc');
  assert.equal(url.hash, '#findings?owner=team-b&text=igw');

  const reloaded = open('typical.html', url.href);
  assert.equal(reloaded.document.getElementById('f-owner').value, 'team-b');
  assert.equal(reloaded.document.getElementById('f-text').value, 'igw');
  assert.deepEqual(reloaded.visible().map((tr) => tr.dataset.id), ['LG-NET-003-cccc']);
  assert.equal(reloaded.shown(), '1 of 6 findings shown');

  reloaded.document.getElementById('filters').reset();
  await settle();
  assert.equal(reloaded.dom.window.location.hash, '#findings');
  assert.equal(reloaded.visible().length, 6);
});

test('an address naming an unknown value or another anchor leaves the rows alone', async () => {
  const unknown = open('typical.html', `${SIGNED}#findings?severity=NOPE`);
  assert.equal(unknown.document.getElementById('f-severity').value, '');
  assert.equal(unknown.visible().length, 6);
  const anchor = open('typical.html', `${SIGNED}#rule-LG-NET-003`);
  assert.equal(anchor.visible().length, 6);
  assert.equal(anchor.dom.window.location.hash, '#rule-LG-NET-003');
});

test('a rule followed from a finding leads back to that finding', () => {
  const report = open('typical.html');
  const back = () => report.document.querySelector('#rule-LG-NET-003 .back a');
  assert.equal(back().getAttribute('href'), '#findings');

  const row = report.document.querySelector('tr[data-id="LG-NET-003-cccc"]');
  row.querySelector('a[href="#rule-LG-NET-003"]').click();
  assert.equal(back().getAttribute('href'), '#finding-LG-NET-003-cccc');
  assert.equal(back().textContent, 'Back to the finding');
  assert.equal(report.document.getElementById('finding-LG-NET-003-cccc'), row);
});
