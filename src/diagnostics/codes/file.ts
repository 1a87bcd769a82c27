import type { MessageCatalog } from '../catalog.js';

export const FILE_MESSAGES = {} as const satisfies MessageCatalog;
