import type { MessageCatalog } from '../catalog.js';

export const SCORE_MESSAGES = {} as const satisfies MessageCatalog;
