/**
 * Invariants of the report's escaping: any text escapes to something with no character that can
 * end an element or attribute and decodes back to itself; and whatever a region is named, the
 * rendered report never contains the name raw when it holds markup characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html/document.js';
import { escapeHtml } from '../../src/report/html/escape.js';
import { prepareReport } from '../../src/report/html/report-data.js';
import { fixtureTable } from '../unit/results-format-fixture.js';

/** What a browser does to escaped text, for the five entities escapeHtml writes. */
function decode(html: string): string {
  return html.replace(/&(lt|gt|quot|#39|amp);/gu, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '');
}

describe('escapeHtml', () => {
  it('leaves no markup character and loses nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/u);
        expect(decode(escaped)).toBe(text);
      }),
    );
  });
});

describe('the report with any region name', () => {
  it('shows the name only escaped', () => {
    const markup = fc.string({ maxLength: 20 }).map((s) => `<${s}"'>`);
    fc.assert(
      fc.property(markup, (name) => {
        const names = ['上海', name, '四川', 'x', '上海', name, 'x'];
        const html = renderHtmlReport(prepareReport(fixtureTable({ name: names }), { lang: 'en', toolVersion: '1' }));
        expect(html).not.toContain(name);
        expect(html).toContain(escapeHtml(name).replace(/[\u0000-\u001f\u007f-\u009f]/gu, ' '));
      }),
      { numRuns: 15 },
    );
  });
});
