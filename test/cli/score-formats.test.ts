/**
 * `dgmi score --format ndjson|parquet` and `--detail` end to end on the shipped samples (31
 * provinces, 2021 and 2022, cn-dgdi): every number of the NDJSON lines and of the Parquet file
 * (read back with hyparquet, an independent reader) is compared with `--format json`, whose
 * numbers the other score tests check by hand.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import { projectRoot, runDgmi } from './run-cli.js';

const FW = 'indicators/cn-dgdi.yaml';
const SAMPLES = ['samples/provinces-2022.csv', ...readdirSync(join(projectRoot, 'samples/2021')).map((f) => `samples/2021/${f}`)];
const tmp = () => mkdtempSync(join(tmpdir(), 'dgmi-formats-'));

interface JsonDocument {
  results: Record<string, unknown>[];
  [key: string]: unknown;
}

function scoreJson(extra: readonly string[] = []): JsonDocument {
  const r = runDgmi(['score', FW, ...SAMPLES, '--format', 'json', ...extra]);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as JsonDocument;
}

describe('dgmi score --format ndjson', () => {
  it('prints one line per result equal to the JSON results, then the rest of the document', () => {
    const doc = scoreJson();
    const r = runDgmi(['score', FW, ...SAMPLES, '--format', 'ndjson']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(62 + 1); // 31 provinces × 2 periods, then the trailer
    const { results, ...rest } = doc;
    expect(lines.slice(0, -1).map((l) => JSON.parse(l) as unknown)).toEqual(results);
    expect(JSON.parse(lines.at(-1) ?? '')).toEqual(rest);
  });

  it('--detail summary keeps the seven summary keys', () => {
    const r = runDgmi(['score', FW, ...SAMPLES, '--format', 'ndjson', '--detail', 'summary', '--period', '2022', '--top', '3']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').slice(0, -1).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['rank'])).toEqual([1, 2, 3]);
    for (const l of lines) expect(Object.keys(l)).toEqual(['region', 'name', 'group', 'period', 'score', 'rank', 'tier']);
  });
});

describe('dgmi score --format parquet', () => {
  it('--detail indicators: every number read back with hyparquet equals --format json', async () => {
    const output = join(tmp(), 'scores.parquet');
    const r = runDgmi(['score', FW, ...SAMPLES, '--format', 'parquet', '--detail', 'indicators', '--output', output, '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Wrote ${output}\n`);
    const bytes = readFileSync(output);
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    const doc = scoreJson();
    expect(rows).toHaveLength(doc.results.length);
    let compared = 0;
    doc.results.forEach((result, k) => {
      const row = rows[k] ?? {};
      for (const key of ['region', 'name', 'group', 'period', 'score', 'rank', 'tier'] as const) {
        expect(row[key]).toEqual(result[key]);
        compared++;
      }
      for (const [id, node] of Object.entries(result['nodes'] as Record<string, Record<string, unknown>>)) {
        for (const field of ['score', 'rank', 'contribution']) {
          expect(row[`nodes.${id}.${field}`]).toEqual(node[field]);
          compared++;
        }
      }
      for (const [id, indicator] of Object.entries(result['indicators'] as Record<string, Record<string, unknown>>)) {
        for (const field of ['value', 'normalised', 'imputed']) {
          expect(row[`indicators.${id}.${field}`]).toEqual(indicator[field]);
          compared++;
        }
      }
    });
    // 62 rows × (7 summary + 3 × groups + 3 × indicators) values, none skipped.
    expect(compared).toBe(62 * (Object.keys(rows[0] ?? {}).length - 1)); // tier_name is the one column JSON lacks
    const metadata = Object.fromEntries((parquetMetadata(file).key_value_metadata ?? []).map((kv) => [kv.key, JSON.parse(kv.value ?? 'null') as unknown]));
    expect(metadata['dgmi.framework']).toEqual(doc['framework']);
    expect(metadata['dgmi.inputs']).toEqual(doc['inputs']);
  });

  it('refuses --detail with a format it does not apply to (status 2, before reading anything)', () => {
    const r = runDgmi(['score', FW, 'no-such-file.csv', '--format', 'table', '--detail', 'summary', '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('dgmi: --detail applies to the json, ndjson, csv and parquet formats, not table\n');
  });

  it('refuses to write Parquet to a terminal, and writes it to a pipe', async () => {
    const out: Uint8Array[] = [];
    const err: string[] = [];
    const io = (isTTY: boolean): Io => ({
      stdout: (text) => out.push(Buffer.from(text)),
      stdoutChunks: async (chunks) => {
        for await (const chunk of chunks) out.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      },
      stderr: (text) => err.push(text),
      env: { NO_COLOR: '1' },
      stdoutIsTTY: isTTY,
      stderrIsTTY: false,
      cwd: projectRoot,
    });
    const args = ['node', 'dgmi', 'score', join(projectRoot, 'test/fixtures/score/mini.yaml'), join(projectRoot, 'test/fixtures/score/good.csv'), '-f', 'parquet', '--lang', 'en'];
    expect(await runCli(args, io(true), '0.0.0')).toBe(2);
    expect(err.join('')).toContain('parquet is binary and is not written to a terminal');
    expect(out).toHaveLength(0);
    expect(await runCli(args, io(false), '0.0.0')).toBe(0);
    const bytes = Buffer.concat(out);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PAR1');
    const rows = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })) as Record<string, unknown>[];
    // mini: A 96.25, B 53.75, C 11.25 (hand-computed in score.test.ts).
    expect(rows.map((row) => row['score'])).toEqual([96.25, 53.75, 11.25]);
  });
});
