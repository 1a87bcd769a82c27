/**
 * Regenerates docs/report-sample.png, the README's picture of the sample report: the README's
 * sample data (31 provinces, 2021 and 2022) through `dgmi report`, opened in Debian chromium, the
 * top of the page captured at 1100 px wide. Run after `npm run build`:
 * `node scripts/report-screenshot.js [report.html]` (pass a report to capture that one instead).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = 'docs/report-sample.png';

if (!existsSync(CHROMIUM)) {
  console.error(`report-screenshot: ${CHROMIUM} not found; install Debian chromium and fonts-noto-cjk first (see .ci/run)`);
  process.exit(2);
}

let html = process.argv[2];
if (html === undefined) {
  html = join(mkdtempSync(join(tmpdir(), 'dgmi-screenshot-')), 'sample.html');
  const samples2021 = readdirSync('samples/2021').filter((f) => f.endsWith('.csv')).sort().map((f) => `samples/2021/${f}`);
  const run = spawnSync(process.execPath, ['bin/dgmi.js', 'report', 'indicators/cn-dgdi.yaml', ...samples2021, 'samples/provinces-2022.csv', '--output', html], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(run.status ?? 2);
  }
}

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await (await browser.newContext({ viewport: { width: 1100, height: 1500 }, deviceScaleFactor: 1 })).newPage();
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  // The summary, then the ranking chart: what a reader sees first.
  const ranking = await page.locator('#ranking figure').boundingBox();
  const height = Math.ceil((ranking?.y ?? 1400) + Math.min(ranking?.height ?? 0, 520));
  await page.screenshot({ path: OUTPUT, clip: { x: 0, y: 0, width: 1100, height }, fullPage: true });
  console.error(`wrote ${OUTPUT}`);
} finally {
  await browser.close();
}
