/**
 * The report's one stylesheet, inline (no file is fetched at view time): screen layout, tier
 * colours from the framework, and print rules for A4 with each section on a new page.
 * Fonts are the reader's own: CJK fonts by name first, so Chinese text gets real glyphs.
 */
import { UNTIERED_COLOUR } from './tier-colours.js';

const BASE_CSS = `
:root { --ink: #1f2328; --muted: #59636e; --rule: #d0d7de; --band: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1040px; padding: 24px 32px 48px; color: var(--ink); background: #fff;
  font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans', sans-serif;
  font-size: 14px; line-height: 1.55; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; margin: 36px 0 12px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.muted { color: var(--muted); }
header .subtitle { color: var(--muted); margin: 0 0 12px; }
nav ol { columns: 3; margin: 8px 0 0; padding-left: 20px; }
nav a { color: inherit; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 12px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; width: auto; max-width: 100%; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid var(--rule); padding: 3px 8px; vertical-align: top; }
th { background: var(--band); text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.files td { font-family: ui-monospace, 'Noto Sans Mono CJK SC', monospace; font-size: 11px; overflow-wrap: anywhere; }
td.up { color: #1a7f37; } td.down { color: #cf222e; } td.strong { font-weight: 600; }
figure.chart { margin: 8px 0 16px; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 12px; }
.swatch { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 8px; border-radius: 2px; }
.multiples { display: flex; flex-wrap: wrap; gap: 8px; }
.multiples figure.chart { margin: 0; border: 1px solid var(--rule); border-radius: 6px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--rule); border-radius: 8px; padding: 10px 14px; break-inside: avoid; }
.card h3 { margin: 0 0 2px; }
.card .standing { margin: 0 0 6px; color: var(--muted); }
.card dl { margin: 0; }
.card dt { font-weight: 600; font-size: 12px; color: var(--muted); }
.card dd { margin: 0 0 6px; }
.badge { font-size: 12px; padding: 1px 8px; border-radius: 10px; font-weight: 500; vertical-align: middle; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule); padding-top: 8px; }
/* A county-level report holds tens of thousands of table cells: the browser lays out only the
   sections on screen, so the page opens fast however long it is. */
@media screen { section.report-section { content-visibility: auto; contain-intrinsic-size: auto 1500px; } }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  nav { display: none; }
  section.report-section { break-before: page; }
  table, figure.chart, .card { break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The stylesheet with a class per tier (`.tier-0` …): background in the tier colour, white text. */
export function reportCss(tierColours: readonly string[]): string {
  const tiers = tierColours
    .map((colour, i) => `.tier-${i} { background: ${colour}; color: #fff; }\n.swatch.tier-${i} { background: ${colour}; }`)
    .join('\n');
  return `${BASE_CSS}\n${tiers}\n.tier-none { background: ${UNTIERED_COLOUR}; color: #fff; }\n`;
}
