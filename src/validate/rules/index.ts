/** Every semantic rule, in the order they run. */
import type { FrameworkRule } from '../rule-context.js';

export const FRAMEWORK_RULES: readonly FrameworkRule[] = [];
