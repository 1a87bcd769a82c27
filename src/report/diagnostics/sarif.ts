/**
 * `--format sarif`: a SARIF 2.1.0 log (OASIS standard), for GitHub code scanning, Azure DevOps
 * and IDE viewers. One run; the rule table is dgmi's whole diagnostic catalog, so a viewer can
 * describe a rule that did not fire; artifacts are every input file, clean or not.
 */
import { posix } from 'node:path';
import type { ArtifactLocation, Log, Region, ReportingDescriptor, Result } from 'sarif';
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { allCodes, renderHint, renderMessage } from '../../diagnostics/messages.js';
import type { DiagnosticFormatter } from './index.js';
import { isPosition } from './locations.js';

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Where a SARIF viewer sends people to read about the tool. */
export const DGMI_INFORMATION_URI = 'https://www.npmjs.com/package/dgmi';

/** The uriBaseId that GitHub code scanning and most viewers resolve to the checkout. */
const SOURCE_ROOT = '%SRCROOT%';

const LEVEL: Readonly<Record<Severity, Result.level>> = { error: 'error', warning: 'warning', info: 'note' };

/** `C:/`, `//server/share` and `/` start an absolute path (after backslashes became slashes). */
function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path);
}

/** Windows drive paths compare case-insensitively, POSIX paths exactly. */
function isInside(path: string, root: string): boolean {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return /^[A-Za-z]:\//.test(root)
    ? path.toLowerCase().startsWith(prefix.toLowerCase())
    : path.startsWith(prefix);
}

/**
 * Percent-encode one path segment. Sub-delimiters and `@` are legal in a URI path and kept for
 * readability; `:` is kept only in absolute URIs, since in the first segment of a relative
 * reference it would read as a scheme.
 */
function encodeSegment(segment: string, keepColon: boolean): string {
  const encoded = encodeURIComponent(segment).replace(/%(24|26|2B|2C|3B|3D|40)/g, (escape) =>
    decodeURIComponent(escape),
  );
  return keepColon ? encoded.replaceAll('%3A', ':') : encoded;
}

function encodePath(path: string, keepColon: boolean): string {
  return path
    .split('/')
    .map((segment) => encodeSegment(segment, keepColon))
    .join('/');
}

/** `file:///home/x`, `file:///C:/x`, `file://server/share/x`. */
function fileUri(absolute: string): string {
  if (absolute.startsWith('//')) return `file:${encodePath(absolute, true)}`;
  return `file://${absolute.startsWith('/') ? '' : '/'}${encodePath(absolute, true)}`;
}

/** Forward slashes, `.` and `..` resolved, a UNC `//server` prefix kept (posix.normalize drops it). */
function normalise(path: string): string {
  const slashedPath = path.replaceAll('\\', '/');
  const isUnc = slashedPath.startsWith('//');
  const normal = posix.normalize(slashedPath);
  return isUnc && !normal.startsWith('//') ? `/${normal}` : normal;
}

/** The working directory without trailing slashes, except where the slash is the root itself. */
function rootOf(cwd: string): string {
  let root = normalise(cwd);
  while (root.endsWith('/') && root !== '/' && !/^[A-Za-z]:\/$/.test(root)) root = root.slice(0, -1);
  return root;
}

/**
 * A file as SARIF wants it: relative to `%SRCROOT%` (the working directory) with forward slashes
 * when it lies inside it, else an absolute `file:` URI, which needs no base.
 */
function artifactLocation(file: string, cwd: string | undefined): ArtifactLocation {
  const path = normalise(file);
  const root = cwd === undefined ? undefined : rootOf(cwd);
  let absolute: string | undefined;
  if (isAbsolute(path)) absolute = path;
  else if (root !== undefined && isAbsolute(root)) absolute = normalise(`${root}/${path}`);

  if (absolute === undefined) {
    // No absolute working directory to anchor to: the name is taken as relative to the root.
    return { uri: encodePath(path, false), uriBaseId: SOURCE_ROOT };
  }
  if (root !== undefined && isInside(absolute, root)) {
    return { uri: encodePath(absolute.slice(root.length).replace(/^\/+/, ''), false), uriBaseId: SOURCE_ROOT };
  }
  return { uri: fileUri(absolute) };
}

/** `file:///home/x/` for the working directory: a base URI must end in a slash. */
function sourceRootUri(cwd: string): string | undefined {
  const root = rootOf(cwd);
  if (!isAbsolute(root)) return undefined;
  const uri = fileUri(root);
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** `dimensions[0].weight`: the document path as a logical location, for findings without a line. */
function logicalName(path: readonly (string | number)[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

function region(d: Diagnostic): Region | undefined {
  // SARIF positions are 1-based and a region needs a start line; anything else is left out
  // rather than guessed.
  if (!isPosition(d.line)) return undefined;
  const r: Region = { startLine: d.line };
  if (isPosition(d.column)) r.startColumn = d.column;
  const endLine = isPosition(d.endLine) && d.endLine >= d.line ? d.endLine : undefined;
  if (endLine !== undefined) r.endLine = endLine;
  if (isPosition(d.endColumn)) {
    const isBackwards = (endLine ?? d.line) === d.line && r.startColumn !== undefined && d.endColumn < r.startColumn;
    if (!isBackwards) r.endColumn = d.endColumn;
  }
  return r;
}

/**
 * A SARIF 2.1.0 log with one run: `tool.driver` (name `dgmi`, `options.toolVersion`, the
 * catalog as `rules` with short descriptions in `options.lang`), the input files as `artifacts`
 * (relative to `options.cwd` under `%SRCROOT%`), and one result per diagnostic with `ruleId`,
 * `level` (error, warning, note), `message.text` and, where known, a 1-based region.
 */
export const sarif: DiagnosticFormatter = (diagnostics, options) => {
  const { lang, cwd } = options;
  const sorted = sortDiagnostics(diagnostics);

  const rules: ReportingDescriptor[] = allCodes().map((spec) => ({
    id: spec.code,
    shortDescription: { text: lang === 'zh' ? spec.zh : spec.en },
    defaultConfiguration: { level: LEVEL[spec.severity] },
  }));
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  for (const d of sorted) {
    // A code missing from the catalog still gets a rule, so every ruleIndex resolves.
    if (!ruleIndex.has(d.code)) {
      ruleIndex.set(d.code, rules.length);
      rules.push({ id: d.code, shortDescription: { text: d.code } });
    }
  }

  // Artifacts are keyed by location, not by name: `a.csv` and `./a.csv` are one artifact, and
  // SARIF requires the artifacts to be distinct.
  const artifacts: { location: ArtifactLocation }[] = [];
  const artifactByLocation = new Map<string, number>();
  /** The location a result cites for each file name: its artifact's, plus the artifact index. */
  const citation = new Map<string, ArtifactLocation>();
  for (const file of [...options.files, ...sorted.map((d) => d.file)]) {
    if (citation.has(file)) continue;
    const location = artifactLocation(file, cwd);
    const key = `${location.uriBaseId ?? ''} ${location.uri ?? ''}`;
    let index = artifactByLocation.get(key);
    if (index === undefined) {
      index = artifacts.length;
      artifactByLocation.set(key, index);
      artifacts.push({ location });
    }
    citation.set(file, { ...location, index });
  }

  const results: Result[] = sorted.map((d) => {
    const r = region(d);
    const hint = renderHint(d, lang);
    return {
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code) ?? -1,
      level: LEVEL[d.severity],
      message: { text: renderMessage(d, lang) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: citation.get(d.file) ?? artifactLocation(d.file, cwd),
            ...(r ? { region: r } : {}),
          },
          ...(d.path && d.path.length > 0 ? { logicalLocations: [{ fullyQualifiedName: logicalName(d.path) }] } : {}),
        },
      ],
      ...(hint ? { properties: { hint } } : {}),
    };
  });

  const rootUri = cwd === undefined ? undefined : sourceRootUri(cwd);
  const log: Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'dgmi', version: options.toolVersion, informationUri: DGMI_INFORMATION_URI, rules },
        },
        // Tells a viewer where %SRCROOT% is when the log travels; the base must end in '/'.
        ...(rootUri === undefined ? {} : { originalUriBaseIds: { [SOURCE_ROOT]: { uri: rootUri } } }),
        artifacts,
        results,
        // Diagnostic columns count characters, i.e. code points, not UTF-16 units.
        columnKind: 'unicodeCodePoints',
        language: lang,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
