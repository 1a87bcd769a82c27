/**
 * Reading input files: bounded in size, hashed for provenance, every failure a diagnostic.
 * The size is checked with stat before any byte is read, so a 10 GB file costs nothing.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';

export interface LoadedFile {
  /** The path as the user gave it (diagnostics name files the way the user does). */
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** Frameworks are small; a few hundred indicators take well under 1 MB. */
export const DEFAULT_FRAMEWORK_MAX_BYTES = 4 * 1024 * 1024;
/** Township-scale submissions (40,000 × 200) are about 70 MB. */
export const DEFAULT_DATA_MAX_BYTES = 512 * 1024 * 1024;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface ReadResult {
  readonly file?: LoadedFile;
  readonly diagnostics: Diagnostic[];
}

export async function readInputFile(path: string, maxBytes: number): Promise<ReadResult> {
  const at = { file: path };
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { diagnostics: [makeDiagnostic('file-is-directory', { path }, at)] };
    size = info.size;
  } catch (error) {
    return { diagnostics: [fsDiagnostic(error, path)] };
  }
  if (size > maxBytes) {
    return { diagnostics: [makeDiagnostic('file-too-large', { path, size, maxBytes }, at)] };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { diagnostics: [fsDiagnostic(error, path)] };
  }
  // A file can grow between stat and read; the bound must hold for what was actually read.
  if (bytes.byteLength > maxBytes) {
    return { diagnostics: [makeDiagnostic('file-too-large', { path, size: bytes.byteLength, maxBytes }, at)] };
  }
  return { file: { path, bytes, sha256: sha256Hex(bytes) }, diagnostics: [] };
}

function fsDiagnostic(error: unknown, path: string): Diagnostic {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return makeDiagnostic('file-not-found', { path }, { file: path });
  return makeDiagnostic('file-unreadable', { path, reason: code || String(error) }, { file: path });
}
