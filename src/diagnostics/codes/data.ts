import type { MessageCatalog } from '../catalog.js';

export const DATA_MESSAGES = {} as const satisfies MessageCatalog;
