/**
 * Reading an uncertainty file (`dgmi sensitivity --spec`): bytes → text → YAML with positions →
 * checked spec. The same machinery as frameworks, so every finding has `file:line:col`.
 */
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { ResolvedFramework } from '../model/resolved.js';
import { checkSensitivitySpec, type SpecCheck, type SpecOverrides } from '../analyse/sensitivity/spec-check.js';
import { decodeFailureDiagnostic, decodeText } from './decode.js';
import { DEFAULT_FRAMEWORK_MAX_BYTES, readInputFile } from './file.js';
import { parseYaml } from './yaml.js';

export async function loadSensitivitySpec(path: string, framework: ResolvedFramework, overrides: SpecOverrides = {}): Promise<SpecCheck> {
  const read = await readInputFile(path, DEFAULT_FRAMEWORK_MAX_BYTES);
  if (!read.file) return { diagnostics: read.diagnostics };
  const decoded = decodeText(read.file.bytes);
  if (!('text' in decoded)) return { diagnostics: [decodeFailureDiagnostic(decoded, path)] };
  return parseSensitivitySpecText(decoded.text, path, framework, overrides);
}

/** The same check on text in memory (library users and tests). */
export function parseSensitivitySpecText(text: string, file: string, framework: ResolvedFramework, overrides: SpecOverrides = {}): SpecCheck {
  if (text.trim() === '') return { diagnostics: [makeDiagnostic('file-empty', { path: file }, { file })] };
  const parsed = parseYaml(text, file);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  const checked = checkSensitivitySpec(parsed.source.value, parsed.source, framework, overrides);
  return { ...checked, diagnostics: [...parsed.diagnostics, ...checked.diagnostics] };
}
