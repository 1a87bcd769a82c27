/** The shape of every `dgmi audit --format …` output: the audit to text (src/report/formatter.ts). */
import type { AuditReport } from '../../analyse/audit/audit.js';
import type { Formatter } from '../formatter.js';

export type AuditFormatter = Formatter<AuditReport>;
