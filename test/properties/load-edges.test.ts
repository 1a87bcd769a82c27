/** Invariants of the loading edges: title rows and decimal commas change how a file is written, never what is read. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoadedFile } from '../../src/load/file.js';
import { parseSubmissions } from '../../src/load/submissions.js';
import { loadTestFramework } from '../fixtures/data/framework.js';

const framework = loadTestFramework();

function file(path: string, text: string): LoadedFile {
  const bytes = new TextEncoder().encode(text);
  return { path, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Title lines: text with no column name of the framework in it, padded with delimiters as Excel pads them. */
const titleArb = fc
  .array(fc.constantFrom('2022', '年', '数据', '填报', '表', '：', ' ', '（', '）', 'Notes'), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''))
  .filter((title) => title.trim() !== '');

const valuesArb = fc.array(fc.integer({ min: 0, max: 99_999 }), { minLength: 1, maxLength: 8 });

describe('title rows above the header', () => {
  it('read the same rows as the file without them; the warning names the header row exactly when there are any', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(titleArb, { maxLength: 5 }), fc.boolean(), valuesArb, async (titles, padded, values) => {
        const body = ['region,services', ...values.map((v, r) => `${110000 + r},${v}`)];
        const plain = await parseSubmissions(framework, [file('plain.csv', `${body.join('\n')}\n`)]);
        const titled = await parseSubmissions(framework, [file('titled.csv', `${[...titles.map((t) => (padded ? `${t},` : t)), ...body].join('\n')}\n`)]);
        expect(titled.dataset?.values).toEqual(plain.dataset?.values);
        expect(titled.dataset?.region).toEqual(plain.dataset?.region);
        // Each title line moves every row down by one line.
        expect(titled.dataset?.sources.map((s) => s.line)).toEqual(plain.dataset?.sources.map((s) => s.line + titles.length));
        const detected = titled.diagnostics.filter((d) => d.code === 'header-row-detected');
        expect(detected).toEqual(titles.length === 0 ? [] : [expect.objectContaining({ line: titles.length + 1, args: { line: titles.length + 1, skipped: titles.length } })]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('decimal commas in semicolon files', () => {
  it('read k,dd as the number k.dd', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 99 })), { minLength: 1, maxLength: 8 }), async (numbers) => {
        const text = `region;services\n${numbers.map(([k, d], r) => `${110000 + r};${k},${String(d).padStart(2, '0')}`).join('\n')}\n`;
        const { dataset } = await parseSubmissions(framework, [file('eu.csv', text)]);
        const services = framework.indicators.findIndex((i) => i.id === 'services');
        // The text `k.dd` read by Number: what a dot-decimal file gives.
        expect(Array.from(dataset?.values[services] ?? [])).toEqual(numbers.map(([k, d]) => Number(`${k}.${String(d).padStart(2, '0')}`)));
      }),
      { numRuns: 60 },
    );
  });
});
