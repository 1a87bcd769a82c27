/** The shape of every `dgmi sensitivity --format …` output: a sensitivity result to text. */
import type { SensitivityResult } from '../../analyse/sensitivity/result.js';
import type { FormatOptions, Formatter } from '../formatter.js';

export type SensitivityFormatter = Formatter<SensitivityResult, FormatOptions>;
