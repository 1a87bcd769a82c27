/** Reading a framework file: bytes → text → YAML with positions → validated, resolved framework. */
import { makeDiagnostic } from '../diagnostics/messages.js';
import { validateFramework, type FrameworkValidation } from '../validate/validate-framework.js';
import { decodeFailureDiagnostic, decodeText } from './decode.js';
import { DEFAULT_FRAMEWORK_MAX_BYTES, readInputFile, sha256Hex } from './file.js';
import { parseYaml } from './yaml.js';

export interface LoadFrameworkOptions {
  readonly maxBytes?: number;
}

export async function loadFramework(path: string, options: LoadFrameworkOptions = {}): Promise<FrameworkValidation> {
  const read = await readInputFile(path, options.maxBytes ?? DEFAULT_FRAMEWORK_MAX_BYTES);
  if (!read.file) return { diagnostics: read.diagnostics };
  return parseFrameworkBytes(read.file.bytes, path, read.file.sha256);
}

export function parseFrameworkBytes(bytes: Uint8Array, file: string, sha256 = sha256Hex(bytes)): FrameworkValidation {
  if (bytes.byteLength === 0) return { diagnostics: [makeDiagnostic('file-empty', { path: file }, { file })] };
  const decoded = decodeText(bytes);
  if (!('text' in decoded)) return { diagnostics: [decodeFailureDiagnostic(decoded, file)] };
  return parseFrameworkText(decoded.text, file, sha256);
}

export function parseFrameworkText(text: string, file: string, sha256?: string): FrameworkValidation {
  if (text.trim() === '') return { diagnostics: [makeDiagnostic('file-empty', { path: file }, { file })] };
  const parsed = parseYaml(text, file);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  const validation = validateFramework(parsed.source.value, { ...parsed.source, ...(sha256 ? { sha256 } : {}) });
  return { ...validation, diagnostics: [...parsed.diagnostics, ...validation.diagnostics] };
}
