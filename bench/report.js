/**
 * The HTML report at county scale: 2,850 regions (every county-level unit in China), two
 * periods, 60 indicators — how long `dgmi report` takes, how big the file is, and how long
 * chromium takes to open and draw it (load, fonts, two animation frames). Also the sample report
 * (31 provinces, two periods). Run after `npm run build`: `node bench/report.js`.
 * Targets (issue 13): sample < 2 MB; county report < 15 MB and drawn in < 5 s.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { submissionCsv, writeWorkload } from './generate.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'dgmi-bench-report-'));
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(2);

function timedReport(args, out) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['bin/dgmi.js', 'report', ...args, '--output', out], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`dgmi report failed (${run.status}): ${run.stderr}`);
  return ms;
}

async function browserTimes(htmlPath, runs = 3) {
  if (!existsSync(CHROMIUM)) return undefined;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const page = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
      const start = Date.now();
      await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
      times.push(Date.now() - start);
      await page.close();
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
  } finally {
    await browser.close();
  }
}

const shape = { dims: 4, groupsPerDim: 3, indicatorsPerGroup: 5 };
const county = writeWorkload(dir, 'county', shape, 2850, 7);
const earlier = join(dir, 'county-2021.csv');
writeFileSync(earlier, submissionCsv({ regions: 2850, indicators: county.indicators, seed: 8 }).replaceAll(',2022,', ',2021,'));

const samples = ['indicators/cn-dgdi.yaml', ...readdirSync('samples/2021').filter((f) => f.endsWith('.csv')).sort().map((f) => `samples/2021/${f}`), 'samples/provinces-2022.csv'];
const rows = [];
for (const [label, args] of [
  ['sample: 31 provinces, 2 periods, 45 indicators', samples],
  [`county: 2,850 regions, 2 periods, ${county.indicators} indicators`, [county.framework, earlier, county.data]],
]) {
  const out = join(dir, `${label.split(':')[0]}.html`);
  const makeMs = timedReport(args, out);
  const size = statSync(out).size;
  const drawMs = await browserTimes(out);
  rows.push(`| ${label} | ${mb(size)} MB | ${(makeMs / 1000).toFixed(2)} s | ${drawMs === undefined ? 'no chromium' : `${(drawMs / 1000).toFixed(2)} s`} |`);
}
console.log(`${new Date().toISOString().slice(0, 10)}, Node ${process.version}\n`);
console.log('| report | size | dgmi report (wall) | chromium open + draw (median of 3) |');
console.log('|---|---:|---:|---:|');
for (const row of rows) console.log(row);
