import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { frameworkSchemaText } from '../../src/cli/commands/schema.js';

const shipped = new URL('../../indicators/framework.schema.json', import.meta.url);

describe('indicators/framework.schema.json', () => {
  it('is exactly what the zod schema generates (run `npm run schema` after changing src/model)', () => {
    expect(readFileSync(shipped, 'utf8')).toBe(frameworkSchemaText());
  });

  it('is a valid JSON Schema that accepts the shipped default framework and rejects a typo', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(shipped, 'utf8')) as object);
    const framework = parse(readFileSync(new URL('../../indicators/cn-dgdi.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(validate(framework), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...framework, scal: 100 })).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'additionalProperties')).toBe(true);
  });
});
