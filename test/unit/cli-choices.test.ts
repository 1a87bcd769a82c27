/**
 * The option lists the program is built from (src/cli/choices.ts) stand for the format
 * registries, which the program no longer loads. The compiler holds each list to its registry's
 * keys; this holds the order too, since it is the order `--help` shows and the tests read.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_FORMAT_CHOICES, BINARY_RESULT_FORMAT_CHOICES, COMPARE_FORMAT_CHOICES, DIAGNOSTIC_FORMAT_CHOICES, ENCODINGS as CHOICE_ENCODINGS, EXPLAIN_FORMAT_CHOICES, RESULT_FORMAT_CHOICES, SENSITIVITY_FORMAT_CHOICES, WEIGHTS_FORMAT_CHOICES } from '../../src/cli/choices.js';
import { AUDIT_FORMATS } from '../../src/report/audit/index.js';
import { SENSITIVITY_FORMATS } from '../../src/report/sensitivity/index.js';
import { WEIGHTS_FORMATS } from '../../src/report/weights/index.js';
import { createProgram } from '../../src/cli/program.js';
import { ENCODINGS } from '../../src/load/decode.js';
import { COMPARE_FORMATS } from '../../src/report/compare/index.js';
import { DIAGNOSTIC_FORMATS } from '../../src/report/diagnostics/index.js';
import { EXPLAIN_FORMATS } from '../../src/report/explain/index.js';
import { BINARY_RESULT_FORMATS, RESULT_FORMATS } from '../../src/report/results/index.js';
import type { Io } from '../../src/cli/io.js';

const io: Io = {
  stdout: () => undefined,
  stdoutChunks: async () => undefined,
  stderr: () => undefined,
  env: {},
  stdoutIsTTY: false,
  stderrIsTTY: false,
  cwd: '/',
};

describe('option lists of the command line', () => {
  it('list every format of each registry, in the registry order', () => {
    expect(DIAGNOSTIC_FORMAT_CHOICES).toEqual(Object.keys(DIAGNOSTIC_FORMATS));
    expect(RESULT_FORMAT_CHOICES).toEqual(Object.keys(RESULT_FORMATS));
    expect(COMPARE_FORMAT_CHOICES).toEqual(Object.keys(COMPARE_FORMATS));
    expect(EXPLAIN_FORMAT_CHOICES).toEqual(Object.keys(EXPLAIN_FORMATS));
    expect(BINARY_RESULT_FORMAT_CHOICES).toEqual(Object.keys(BINARY_RESULT_FORMATS));
    expect(AUDIT_FORMAT_CHOICES).toEqual(Object.keys(AUDIT_FORMATS));
    expect(WEIGHTS_FORMAT_CHOICES).toEqual(Object.keys(WEIGHTS_FORMATS));
    expect(SENSITIVITY_FORMAT_CHOICES).toEqual(Object.keys(SENSITIVITY_FORMATS));
  });

  it('are the ones each command offers for --format and --encoding', () => {
    const program = createProgram(io, '0.0.0', () => undefined);
    const choices = (command: string, flag: string) => program.commands.find((c) => c.name() === command)?.options.find((o) => o.long === flag)?.argChoices;
    expect(choices('validate', '--format')).toEqual(Object.keys(DIAGNOSTIC_FORMATS));
    expect(choices('score', '--format')).toEqual([...Object.keys(RESULT_FORMATS), ...Object.keys(BINARY_RESULT_FORMATS)]);
    expect(choices('audit', '--format')).toEqual(Object.keys(AUDIT_FORMATS));
    expect(choices('weights', '--format')).toEqual(Object.keys(WEIGHTS_FORMATS));
    expect(choices('sensitivity', '--format')).toEqual(Object.keys(SENSITIVITY_FORMATS));
    expect(choices('compare', '--format')).toEqual(Object.keys(COMPARE_FORMATS));
    expect(choices('explain', '--format')).toEqual(Object.keys(EXPLAIN_FORMATS));
    for (const command of ['validate', 'score', 'compare', 'explain', 'audit', 'weights', 'sensitivity', 'report']) expect(choices(command, '--encoding')).toEqual([...ENCODINGS]);
    expect(CHOICE_ENCODINGS).toBe(ENCODINGS);
  });
});
