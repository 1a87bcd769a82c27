import type { MessageCatalog } from '../catalog.js';

export const ANALYSE_MESSAGES = {} as const satisfies MessageCatalog;
