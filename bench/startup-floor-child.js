/**
 * The part of `dgmi validate` that no loading strategy removes, in a fresh process: parsing the
 * default framework with the yaml package as dgmi does (positions, duplicate keys, strict), and
 * with `zod` also checking it against the framework schema (jitless, as the CLI runs it).
 * bench/startup.js runs it beside the real commands, as a ratio to `node -e 0`.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseAllDocuments } from 'yaml';

const text = readFileSync(new URL('../indicators/cn-dgdi.yaml', import.meta.url), 'utf8');
const [document] = parseAllDocuments(text, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false, strict: true });
const value = document?.toJS({ maxAliasCount: 100 });
if (process.argv[2] === 'zod') {
  const { z } = await import('zod');
  z.config({ jitless: true });
  const { FrameworkSchema } = await import('../dist/model/framework.js');
  if (!FrameworkSchema.safeParse(value).success) throw new Error('the default framework does not pass its schema');
}
