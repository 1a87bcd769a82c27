import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { LoadedFile } from '../../src/load/file.js';
import { loadSubmissions, parseSubmissions } from '../../src/load/submissions.js';
import type { Dataset } from '../../src/model/dataset.js';
import { loadTestFramework } from '../fixtures/data/framework.js';

const framework = loadTestFramework();
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/data/${name}`, import.meta.url));

/** An in-memory file, as readInputFile would have returned it. */
function file(path: string, content: string | Uint8Array): LoadedFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { path, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function parse(...files: LoadedFile[]) {
  return await parseSubmissions(framework, files);
}

/** A column of the dataset by indicator id, as a plain array (NaN kept). */
function column(dataset: Dataset | undefined, id: string): number[] {
  const indicator = framework.indicators.find((i) => i.id === id);
  if (!dataset || !indicator) throw new Error(`no dataset or no indicator ${id}`);
  return [...(dataset.values[indicator.index] ?? [])];
}

const summary = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.column]);
/** Most test files carry only the columns the case needs; the warning about the others is tested once. */
const ignoringAbsentColumns = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.code !== 'column-indicator-missing');
const HEADER = 'region,name,group,period,online_rate,cdo,has_portal,services';

describe('wide submissions', () => {
  it('reads a large file (8 MB and more) record by record with exactly the rows and diagnostics of reading it whole', async () => {
    // 40,000 rows: some bad cells, ragged rows, rows without a region, blank lines, a duplicate row.
    const lines = [HEADER];
    for (let r = 0; r < 40_000; r++) {
      if (r % 997 === 0) lines.push('');
      else if (r % 1009 === 0) lines.push(`${r},地区${r},east,2022,1,2`);
      else if (r % 1013 === 0) lines.push(`,地区${r},east,2022,50,1,是,${r}`);
      else lines.push(`${100000 + r},地区${r}${'x'.repeat(200)},${r % 2 ? 'east' : 'west'},2022,${r % 101 === 0 ? 'abc' : (r % 1000) / 10},${r % 3},${r % 2 ? '是' : '否'},${r % 89 === 0 ? '' : r}`);
    }
    lines.push(lines[5] ?? '');
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(8 * 1024 * 1024);
    // A quote anywhere makes the file uncuttable, so it is read whole, the ordinary way.
    const quoted = text.replace(',east,', ',"east",');
    const streamed = await parseSubmissions(framework, [file('big.csv', text)], { threads: 1 });
    const whole = await parseSubmissions(framework, [file('big.csv', quoted)], { threads: 1 });
    expect(streamed.dataset?.rowCount).toBeGreaterThan(39_000);
    expect(streamed.diagnostics).toEqual(whole.diagnostics);
    expect(streamed.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['cell-not-a-number', 'csv-field-count', 'region-empty', 'row-duplicate']));
    expect({ ...streamed.dataset, inputs: [] }).toEqual({ ...whole.dataset, inputs: [] });
  });

  it('reads a large file whose `sep=` line ends in LF and its other lines in CRLF with the lines of reading it whole', async () => {
    // csv-parse takes LF as the record delimiter from the first line and counts the CR before each
    // LF as a line of its own; a piece must start counting where reading the whole file stands.
    // (Padded to 8 MB with empty lines, which csv-parse skips without making records of them.)
    const rows = [`310000,上海,east,2022,95,1,是,10`, `510000,四川,west,2022,abc,1,否,20`, `440000,广东,east,2022,1,2`, `,x,east,2022,1,1,是,1`, `310000,上海,east,2022,1,1,是,1`];
    const text = `sep=,\n${HEADER}\r\n${rows.slice(0, 2).join('\r\n')}\r\n${'\n'.repeat(8_400_000)}${rows.slice(2).join('\r\n')}\r\n`;
    expect(text.length).toBeGreaterThan(8 * 1024 * 1024);
    const quoted = text.replace('\nregion,', '\n"region",');
    const streamed = await parseSubmissions(framework, [file('big.csv', text)], { threads: 1, trackRowLines: true });
    const whole = await parseSubmissions(framework, [file('big.csv', quoted)], { threads: 1, trackRowLines: true });
    expect(streamed.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['cell-not-a-number', 'csv-field-count', 'region-empty', 'row-duplicate']));
    expect(streamed.diagnostics).toEqual(whole.diagnostics);
    expect({ ...streamed.dataset, inputs: [] }).toEqual({ ...whole.dataset, inputs: [] });
    expect(streamed.rowLines).toEqual(whole.rowLines);
  });

  it('reads a wide file into columns, with sources and inputs', async () => {
    const path = fixture('wide-2022.csv');
    const { dataset, diagnostics } = await loadSubmissions(framework, [path], {});
    expect(diagnostics).toEqual([]);
    expect(dataset?.rowCount).toBe(2);
    expect(dataset?.region).toEqual(['310000', '510000']);
    expect(dataset?.name).toEqual(['上海', '四川']);
    expect(dataset?.group).toEqual(['east', 'west']);
    expect(dataset?.period).toEqual(['2022', '2022']);
    expect(column(dataset, 'online_rate')).toEqual([95, 80.5]); // '95%' is 95 points (unit percent)
    expect(column(dataset, 'cdo')).toEqual([2, 1]); // 全面推行 → 2; '1' equals the level 试点
    expect(column(dataset, 'has_portal')).toEqual([1, 0]); // yes/no
    expect(column(dataset, 'services')).toEqual([1234, 980]);
    expect(dataset?.sources).toEqual([
      { file: path, line: 2 },
      { file: path, line: 3 },
    ]);
    expect([...(dataset?.excluded ?? [])]).toEqual([0, 0]);
    const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(dataset?.inputs).toEqual([{ path, sha256 }]);
  });

  it('reports `abc` in a numeric column with file, line and column, and excludes the row', async () => {
    const result = await parse(file('a.csv', 'region,services,online_rate\n310000,12,50\n510000,abc,60\n'));
    const { dataset } = result;
    const diagnostics = ignoringAbsentColumns(result.diagnostics);
    expect(summary(diagnostics)).toEqual([['cell-not-a-number', 'error', 'a.csv', 3, 2]]);
    expect(diagnostics[0]?.args).toMatchObject({ text: 'abc', header: 'services', columnLetter: 'B', indicator: 'services' });
    expect(diagnostics[0]?.hint).toBeTruthy();
    expect(column(dataset, 'services')).toEqual([12, Number.NaN]);
    expect(column(dataset, 'online_rate')).toEqual([50, 60]); // the row keeps its other values
    expect([...(dataset?.excluded ?? [])]).toEqual([0, 1]);
  });

  it('reports a value outside the range with the range in args', async () => {
    const { dataset, diagnostics } = await parse(file('a.csv', `${HEADER}\n310000,,,,120,,,\n`));
    expect(summary(diagnostics)).toEqual([['value-out-of-range', 'error', 'a.csv', 2, 5]]);
    expect(diagnostics[0]?.args).toMatchObject({ value: 120, min: 0, max: 100, columnLetter: 'E' });
    expect([...(dataset?.excluded ?? [])]).toEqual([1]);
  });

  it('warns about an unknown column with a suggestion and still reads the rest', async () => {
    const { dataset, diagnostics } = await parse(file('a.csv', 'region,servises,online_rate,cdo,has_portal\n310000,5,50,1,1\n'));
    expect(summary(diagnostics)).toEqual([
      ['column-unknown', 'warning', 'a.csv', 1, 2],
      ['column-indicator-missing', 'warning', 'a.csv', 1, undefined],
    ]);
    expect(diagnostics[0]?.args['suggestion']).toBe('services');
    expect(column(dataset, 'services')).toEqual([Number.NaN]); // absent: missing, to follow its missing policy
    expect(column(dataset, 'online_rate')).toEqual([50]);
  });

  it('keeps a ragged row, unscored', async () => {
    const { dataset, diagnostics } = await parse(file('a.csv', 'region,services,online_rate\n310000,1,2\n510000,3\n'));
    expect(summary(diagnostics).map((d) => d.slice(0, 4))).toContainEqual(['csv-field-count', 'error', 'a.csv', 3]);
    expect(dataset?.region).toEqual(['310000', '510000']);
    expect(column(dataset, 'services')).toEqual([1, Number.NaN]); // the ragged row's cells are not guessed at
    expect([...(dataset?.excluded ?? [])]).toEqual([0, 1]);
  });

  it('skips a row without a region code, with an error', async () => {
    const { dataset, diagnostics } = await parse(file('a.csv', 'region,services\n310000,1\n ,2\n'));
    expect(summary(diagnostics).filter((d) => d[0] === 'region-empty')).toEqual([['region-empty', 'error', 'a.csv', 3, 1]]);
    expect(dataset?.region).toEqual(['310000']);
  });

  it('reads no row of a file with the same indicator twice', async () => {
    const { dataset, diagnostics } = await parse(file('a.csv', 'region,services,服务事项数\n310000,1,1\n'));
    expect(diagnostics.some((d) => d.code === 'column-duplicate' && d.severity === 'error')).toBe(true);
    expect([...(dataset?.excluded ?? [])]).toEqual([1]);
  });

  it('reports a file without a region column and reads nothing from it', async () => {
    const { dataset, diagnostics } = await parse(file('a.csv', 'code_x,services\n310000,1\n'));
    expect(dataset).toBeUndefined();
    expect(summary(diagnostics)).toContainEqual(['column-region-missing', 'error', 'a.csv', 1, undefined]);
  });

  it('warns about a column without a header only when it holds data', async () => {
    const { diagnostics } = await parse(file('a.csv', 'region,,services,\n310000,x,1,\n'));
    expect(summary(diagnostics).filter((d) => d[0] === 'column-unnamed')).toEqual([['column-unnamed', 'warning', 'a.csv', 1, 2]]);
  });

  it('keeps formula-looking names as data', async () => {
    const { dataset, diagnostics } = await parse(file('a.csv', `region,name,services\n310000,"=cmd|' /C calc'!A0",1\n`));
    expect(ignoringAbsentColumns(diagnostics)).toEqual([]);
    expect(dataset?.name).toEqual(["=cmd|' /C calc'!A0"]);
  });

  it('lists at most maxCellDiagnostics cell errors per file and counts the rest', async () => {
    const files = [file('a.csv', 'region,services\n1,x\n2,y\n3,z\n')];
    const result = await parseSubmissions(framework, files, { maxCellDiagnostics: 2 });
    const { dataset } = result;
    const diagnostics = ignoringAbsentColumns(result.diagnostics);
    expect(summary(diagnostics)).toEqual([
      ['cell-not-a-number', 'error', 'a.csv', 2, 2],
      ['cell-not-a-number', 'error', 'a.csv', 3, 2],
      ['cell-errors-truncated', 'info', 'a.csv', undefined, undefined],
    ]);
    expect(diagnostics[2]?.args['count']).toBe(1);
    expect([...(dataset?.excluded ?? [])]).toEqual([1, 1, 1]); // the unlisted error still excludes its row
  });
});

describe('long submissions', () => {
  it('reads a long file by indicator id or name', async () => {
    const path = fixture('long-2022.csv');
    const { dataset, diagnostics } = await loadSubmissions(framework, [path]);
    expect(dataset?.region).toEqual(['310000', '510000']);
    expect(dataset?.period).toEqual(['2022', '2022']);
    expect(column(dataset, 'online_rate')).toEqual([95, Number.NaN]);
    expect(column(dataset, 'cdo')).toEqual([2, Number.NaN]); // by zh name; 全面推行 → 2
    expect(column(dataset, 'services')).toEqual([Number.NaN, 980]); // by en name 'Services'
    expect(dataset?.sources.map((s) => s.line)).toEqual([2, 4]); // each row's first cell
    // has_portal never appears in the file
    expect(summary(diagnostics)).toEqual([['column-indicator-missing', 'warning', path, 1, undefined]]);
  });

  it('reports the same (region, period, indicator) twice, naming both lines', async () => {
    const text = 'region,indicator,value\n310000,services,1\n310000,services,2\n510000,services,3\n';
    const { dataset, diagnostics } = await parse(file('l.csv', text));
    const duplicate = diagnostics.find((d) => d.code === 'long-value-duplicate');
    expect(duplicate).toMatchObject({ severity: 'error', file: 'l.csv', line: 3 });
    expect(duplicate?.args).toMatchObject({ first: 'l.csv:2', second: 'l.csv:3', region: '310000', indicator: 'services' });
    expect(column(dataset, 'services')).toEqual([1, 3]);
    expect([...(dataset?.excluded ?? [])]).toEqual([1, 0]);
  });

  it('still checks the lines of a region another file already gave', async () => {
    const { dataset, diagnostics } = await parse(file('w.csv', 'region,services\n1,5\n'), file('l.csv', 'region,indicator,value\n1,foo,1\n1,services,abc\n'));
    expect(summary(ignoringAbsentColumns(diagnostics))).toEqual([
      ['row-duplicate', 'error', 'l.csv', 2, undefined],
      ['long-indicator-unknown', 'warning', 'l.csv', 2, 2],
      ['cell-not-a-number', 'error', 'l.csv', 3, 3],
    ]);
    expect(column(dataset, 'services')).toEqual([5]); // the wide file's row, now excluded
    expect([...(dataset?.excluded ?? [])]).toEqual([1]);
  });

  it('warns once about an unknown indicator, with a suggestion, and reports bad values at their cell', async () => {
    const text = 'region,indicator,value\n1,servces,5\n2,servces,6\n3,online_rate,abc\n';
    const { dataset, diagnostics } = await parse(file('l.csv', text));
    expect(summary(diagnostics).filter((d) => d[0] !== 'column-indicator-missing')).toEqual([
      ['long-indicator-unknown', 'warning', 'l.csv', 2, 2],
      ['cell-not-a-number', 'error', 'l.csv', 4, 3],
    ]);
    expect(diagnostics[0]?.args['suggestion']).toBe('services');
    expect([...(dataset?.excluded ?? [])]).toEqual([0, 0, 1]);
  });
});

describe('encodings', () => {
  // The same table in three encodings: 310000 上海 东部 95% 全面推行 是 "1,234"; 510000 四川 西部 80.5 试点 否 980.
  it.each(['zh-headers-gbk.csv', 'zh-headers-utf16le-bom.csv', 'zh-headers-utf8-bom.csv'])(
    'reads %s with Chinese headers without being told the encoding',
    async (name) => {
      const { dataset, diagnostics } = await loadSubmissions(framework, [fixture(name)]);
      expect(diagnostics).toEqual([]);
      expect(dataset?.region).toEqual(['310000', '510000']);
      expect(dataset?.name).toEqual(['上海', '四川']);
      expect(dataset?.group).toEqual(['东部', '西部']);
      expect(column(dataset, 'online_rate')).toEqual([95, 80.5]); // ９５％ in full width
      expect(column(dataset, 'cdo')).toEqual([2, 1]);
      expect(column(dataset, 'has_portal')).toEqual([1, 0]);
      expect(column(dataset, 'services')).toEqual([1234, 980]);
    },
  );

  it('reads files of different encodings in one run', async () => {
    const { dataset, diagnostics } = await loadSubmissions(framework, [fixture('zh-headers-gbk.csv'), fixture('zh-headers-utf16le-bom.csv')]);
    // same regions in both: duplicates prove both were decoded to the same codes
    expect(diagnostics.map((d) => d.code)).toEqual(['row-duplicate', 'row-duplicate']);
    expect(dataset?.name).toEqual(['上海', '四川']);
  });

  it('reports a file that is not in the forced encoding', async () => {
    const { dataset, diagnostics } = await loadSubmissions(framework, [fixture('zh-headers-gbk.csv')], { encoding: 'utf8' });
    expect(dataset).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.args['encoding']])).toEqual([['file-encoding-invalid', 'utf8']]);
  });

  it('decodes with a forced encoding', async () => {
    const { dataset } = await loadSubmissions(framework, [fixture('zh-headers-gbk.csv')], { encoding: 'gbk' });
    expect(dataset?.name).toEqual(['上海', '四川']);
  });

  it('reports a binary file', async () => {
    const { dataset, diagnostics } = await parse(file('x.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])));
    expect(dataset).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['file-binary']);
  });
});

describe('merging files', () => {
  it('reports the same region in two files, naming both places, and leaves it unscored', async () => {
    const first = fixture('wide-2022.csv');
    const second = fixture('wide-2022-more.csv');
    const { dataset, diagnostics } = await loadSubmissions(framework, [first, second]);
    expect(summary(diagnostics)).toEqual([['row-duplicate', 'error', second, 3, undefined]]);
    expect(diagnostics[0]?.args).toMatchObject({ region: '510000', period: '2022', first: `${first}:3`, second: `${second}:3` });
    expect(dataset?.region).toEqual(['310000', '510000', '440000']);
    expect(column(dataset, 'services')).toEqual([1234, 980, 2000]); // the first row's values, excluded
    expect([...(dataset?.excluded ?? [])]).toEqual([0, 1, 0]);
    expect(dataset?.inputs.map((i) => i.path)).toEqual([first, second]);
  });

  it('keeps one row per (region, period): periods may repeat a region', async () => {
    const { dataset, diagnostics } = await parse(file('a.csv', 'region,period,services\n1,2021,5\n1,2022,6\n'));
    expect(ignoringAbsentColumns(diagnostics)).toEqual([]);
    expect(dataset?.period).toEqual(['2021', '2022']);
  });

  it('warns when a region changes name or group, and uses the first', async () => {
    const { dataset, diagnostics } = await parse(
      file('a.csv', 'region,name,group,period,services\n1,襄樊,central,2021,5\n'),
      file('b.csv', 'region,name,group,period,services\n1,襄阳,east,2022,6\n'),
    );
    const findings = ignoringAbsentColumns(diagnostics);
    expect(summary(findings)).toEqual([
      ['region-name-conflict', 'warning', 'b.csv', 2, undefined],
      ['region-group-conflict', 'warning', 'b.csv', 2, undefined],
    ]);
    expect(findings[0]?.args).toMatchObject({ first: '襄樊', second: '襄阳', firstAt: 'a.csv:2' });
    expect(findings[1]?.args).toMatchObject({ first: 'central', second: 'east', firstAt: 'a.csv:2' });
    expect(dataset?.name).toEqual(['襄樊', '襄樊']);
    expect(dataset?.group).toEqual(['central', 'central']);
  });

  it('reads a repeated file once', async () => {
    const text = 'region,services\n1,5\n';
    const { dataset, diagnostics } = await parse(file('a.csv', text), file('copy.csv', text));
    expect(ignoringAbsentColumns(diagnostics).map((d) => [d.code, d.args['first']])).toEqual([['input-duplicate', 'a.csv']]);
    expect(dataset?.rowCount).toBe(1);
    expect(dataset?.inputs.map((i) => i.path)).toEqual(['a.csv', 'copy.csv']);
  });

  it('reads the other files when one cannot be read', async () => {
    const { dataset, diagnostics } = await loadSubmissions(framework, [fixture('missing.csv'), fixture('wide-2022.csv')]);
    expect(diagnostics.map((d) => d.code)).toEqual(['file-not-found']);
    expect(dataset?.rowCount).toBe(2);
  });
});

describe('files without data', () => {
  it('refuses a file over maxBytes', async () => {
    const { dataset, diagnostics } = await loadSubmissions(framework, [fixture('wide-2022.csv')], { maxBytes: 10 });
    expect(dataset).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.args['maxBytes']])).toEqual([['file-too-large', 10]]);
  });

  it('warns about a header without rows', async () => {
    const { dataset, diagnostics } = await parse(file('h.csv', `${HEADER}\n`));
    expect(dataset).toBeUndefined();
    expect(summary(diagnostics)).toEqual([['csv-no-data-rows', 'warning', 'h.csv', 1, undefined]]);
  });

  it('reports an empty file as an error', async () => {
    const { dataset, diagnostics } = await parse(file('e.csv', ''));
    expect(dataset).toBeUndefined();
    expect(summary(diagnostics)).toEqual([['file-empty', 'error', 'e.csv', undefined, undefined]]);
  });
});

describe('properties', () => {
  const rows = fc.uniqueArray(
    fc.record({ region: fc.integer({ min: 100000, max: 999999 }).map(String), value: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
    { selector: (r) => r.region, minLength: 1, maxLength: 20 },
  );

  it('reads every value back, whatever the row order', async () => {
    const shuffled = rows.chain((written) =>
      fc.shuffledSubarray(written, { minLength: written.length, maxLength: written.length }).map((order) => [written, order] as const),
    );
    await fc.assert(
      fc.asyncProperty(shuffled, async ([written, order]) => {
        const csv = `region,services\n${order.map((r) => `${r.region},${String(r.value)}`).join('\n')}\n`;
        const { dataset, diagnostics } = await parse(file('p.csv', csv));
        expect(ignoringAbsentColumns(diagnostics)).toEqual([]);
        expect(dataset?.region).toEqual(order.map((r) => r.region)); // rows in the order read
        const read = new Map(dataset?.region.map((region, row) => [region, column(dataset, 'services')[row]]));
        for (const r of written) expect(read.get(r.region)).toBe(r.value === 0 ? 0 : r.value); // -0 reads as 0
      }),
      { numRuns: 50 },
    );
  });
});
