/// <reference lib="dom" />
/**
 * The HTML report opened in a real browser (Debian chromium, driven by playwright-core): no
 * console error, no request beyond the file itself, every section and chart present with one bar
 * per region, Chinese text drawn with a CJK font (asked of Chromium, not guessed from widths),
 * and the XSS probes of test/fixtures/report/xss (the sensitivity file's too) inert. Screenshots go to the test's temp dir.
 *
 * `.ci/run` installs chromium and fonts-noto-cjk; where chromium is absent these tests skip with
 * a message (and fail instead when DGMI_REQUIRE_BROWSER=1, as CI sets it).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runDgmi } from '../cli/run-cli.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  const message = `browser tests: ${CHROMIUM} not found — install Debian chromium and fonts-noto-cjk (see .ci/run) to run them`;
  if (process.env['DGMI_REQUIRE_BROWSER'] === '1') throw new Error(message);
  console.warn(`SKIPPED ${message}`);
}

const dir = mkdtempSync(join(tmpdir(), 'dgmi-report-browser-'));

interface Opened {
  readonly page: Page;
  readonly errors: string[];
  readonly foreign: string[];
  readonly dialogs: string[];
}

let browser: Browser | undefined;

async function open(htmlPath: string): Promise<Opened> {
  if (!browser) throw new Error('browser not launched');
  const page = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
  const url = pathToFileURL(htmlPath).href;
  const errors: string[] = [];
  const foreign: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== url) foreign.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return { page, errors, foreign, dialogs };
}

/** The font families Chromium actually used to draw the text of the first `selector` match. */
async function fontsUsed(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  return fonts.map((f) => f.familyName);
}

describe.skipIf(!hasChromium)('HTML report in chromium', () => {
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-extensions'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  describe('the sample report (31 provinces, 2021 and 2022)', () => {
    const html = join(dir, 'sample.html');
    let opened: Opened;
    beforeAll(async () => {
      const samples2021 = readdirSamples();
      const run = runDgmi(['report', 'indicators/cn-dgdi.yaml', ...samples2021, 'samples/provinces-2022.csv', '--output', html, '--cards', '10']);
      expect(run.status, run.stderr).toBe(0);
      opened = await open(html);
      // One picture per section: sections are drawn only when scrolled to (content-visibility),
      // so a full-page capture would show the ones below the fold blank.
      for (const id of await opened.page.$$eval('section[data-section]', (ss) => ss.map((s) => s.id))) {
        await opened.page.locator(`#${id}`).screenshot({ path: join(dir, `sample-${id}.png`) });
      }
    }, 120_000);

    it('opens with no console error and fetches nothing', () => {
      expect(opened.errors).toEqual([]);
      expect(opened.foreign).toEqual([]);
    });

    it('is under 2 MB', () => {
      expect(statSync(html).size).toBeLessThan(2 * 1024 * 1024);
    });

    it('has every section in order, each with its heading', async () => {
      const ids = await opened.page.$$eval('section[data-section]', (sections) => sections.map((s) => s.getAttribute('data-section')));
      expect(ids).toEqual(['summary', 'ranking', 'profiles', 'heatmap', 'groups', 'periods', 'cards', 'provenance']);
      // 33 files (the framework and 32 submissions), each with its sha256, in the appendix.
      expect(await opened.page.locator('#provenance table.files tbody tr').count()).toBe(33);
      const headings = await opened.page.$$eval('section h2', (hs) => hs.map((h) => h.textContent ?? ''));
      expect(headings[0]).toBe('1. 概况');
      expect(headings[5]).toBe('6. 跨期变化 2021 → 2022');
    });

    it('draws one bar per region, tier-coloured, and the ranked table lists all 31', async () => {
      const bars = await opened.page.$$eval('figure[data-chart="ranking"] path[ecmeta_series_index="0"]', (ps) => ps.map((p) => p.getAttribute('fill')));
      expect(bars).toHaveLength(31);
      // cn-dgdi 2022: 4 leading, 4 quality, 5 distinctive, 18 developing (the summary's tier table says the same).
      const counts = new Map<string | null, number>();
      for (const fill of bars) counts.set(fill, (counts.get(fill) ?? 0) + 1);
      expect([...counts.values()].sort((a, b) => a - b)).toEqual([4, 4, 5, 18]);
      expect(await opened.page.locator('table.ranked tbody tr').count()).toBe(31);
      const tierCounts = await opened.page.$$eval('table.tiers tbody td.num', (tds) => tds.map((td) => Number(td.textContent)));
      expect(tierCounts).toEqual([4, 4, 5, 18]);
    });

    it('draws six radar profiles, the heatmap for 31 regions × 19 groups, the groups chart and the slope chart', async () => {
      expect(await opened.page.locator('figure[data-chart="profile"] svg').count()).toBe(6);
      // 4 dimensions + 15 sub-groups, every province scored on each.
      expect(await opened.page.locator('figure[data-chart="heatmap"] path[ecmeta_series_index="0"]').count()).toBe(31 * 19);
      // Composite + 4 dimensions, for 4 NBS groups.
      expect(await opened.page.locator('figure[data-chart="groups"] path[ecmeta_ssr_type="chart"][ecmeta_data_index]').count()).toBeGreaterThanOrEqual(5 * 4);
      expect(await opened.page.locator('figure[data-chart="slope"] svg').count()).toBe(1);
      expect(await opened.page.locator('table.transitions').count()).toBe(1);
    });

    it('has ten full cards and the other 21 regions in the summary table', async () => {
      expect(await opened.page.locator('article.card').count()).toBe(10);
      expect(await opened.page.locator('table.rest tbody tr').count()).toBe(21);
    });

    it('prints on A4 with every section starting a page', async () => {
      await opened.page.emulateMedia({ media: 'print' });
      try {
        const breaks = await opened.page.$$eval('section.report-section', (ss) => ss.map((s) => getComputedStyle(s).breakBefore));
        expect(breaks).toEqual(Array.from({ length: 8 }, () => 'page'));
        const pdf = await opened.page.pdf({ preferCSSPageSize: true });
        // A4 is 595 × 842 points; at least one page per section.
        const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/u.exec(pdf.toString('latin1'));
        expect(Number(box?.[1])).toBeCloseTo(595.28, -0.5); // 210 mm, within a device pixel
        expect(Number(box?.[2])).toBeCloseTo(841.89, -0.5); // 297 mm
        expect(pdf.toString('latin1').match(/\/Type \/Page\b/gu)?.length ?? 0).toBeGreaterThanOrEqual(8);
      } finally {
        await opened.page.emulateMedia({ media: 'screen' });
      }
    });

    it('draws Chinese text with a CJK font (real glyphs, not tofu)', async () => {
      const fonts = await fontsUsed(opened.page, 'h1');
      expect(fonts.some((f) => /CJK/u.test(f)), fonts.join(', ')).toBe(true);
      // Sections are laid out only when on screen (content-visibility): bring the chart into view first.
      await opened.page.locator('figure[data-chart="ranking"]').scrollIntoViewIfNeeded();
      await opened.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const svgFonts = await fontsUsed(opened.page, 'figure[data-chart="ranking"] text');
      expect(svgFonts.some((f) => /CJK/u.test(f)), svgFonts.join(', ')).toBe(true);
    });
  });

  describe('XSS probes in every name a file carries', () => {
    const html = join(dir, 'xss.html');
    let opened: Opened;
    beforeAll(async () => {
      const run = runDgmi(['report', 'test/fixtures/report/xss/framework.yaml', 'test/fixtures/report/xss/data.csv', '--sensitivity', 'test/fixtures/report/xss/sensitivity.json', '--output', html]);
      expect(run.status, run.stderr).toBe(0);
      opened = await open(html);
      await opened.page.screenshot({ path: join(dir, 'xss.png'), fullPage: true });
    }, 60_000);

    it('runs nothing: no dialog, no error, no request, no injected element or handler', async () => {
      expect(opened.dialogs).toEqual([]);
      expect(opened.errors).toEqual([]);
      expect(opened.foreign).toEqual([]);
      const injected = await opened.page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        images: document.querySelectorAll('img').length,
        handlers: document.querySelectorAll('[onerror],[onload]').length,
        title: document.title,
      }));
      expect(injected).toEqual({ scripts: 0, images: 0, handlers: 0, title: expect.stringContaining('<script>alert(2)</script>') as unknown as string });
    });

    it('shows the probes as text', async () => {
      const cells = await opened.page.$$eval('table.ranked tbody td', (tds) => tds.map((td) => td.textContent ?? ''));
      expect(cells).toContain('<img src=x onerror=alert(1)> (A1)');
      const h1 = await opened.page.locator('h1').textContent();
      expect(h1).toContain('"onload="alert(1)"');
    });

    it('has the sensitivity section with one error bar per region, probes shown as text', async () => {
      expect(await opened.page.locator('section#sensitivity').count()).toBe(1);
      expect(await opened.page.locator('figure[data-chart="sensitivity"] path[ecmeta_series_index="0"]').count()).toBe(3);
      const cells = await opened.page.$$eval('table.tier-probabilities tbody td', (tds) => tds.map((td) => td.textContent ?? ''));
      expect(cells).toContain('<img src=x onerror=alert(1)> (A1)');
      expect(cells).toContain('丙</text><script>alert(9)</script> (C3)');
      expect(await opened.page.locator('#sensitivity p.muted').textContent()).toContain('<svg onload=alert(8)>');
    });

    it('would have caught an unescaped probe (control: the same name as raw markup fires)', async () => {
      const control = join(dir, 'control.html');
      const raw = readFileSync(html, 'utf8')
        .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/u, '')
        .replace('<footer>', '<footer><img src=x onerror=alert(1)>');
      writeFileSync(control, raw);
      const probe = await open(control);
      await probe.page.waitForTimeout(200);
      expect(probe.dialogs).toEqual(['1']);
    });
  });
});

/** The 31 per-province files of 2021, as the README's main command names them. */
function readdirSamples(): string[] {
  return readdirSync(join(projectRoot, 'samples/2021'))
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => `samples/2021/${f}`);
}
