import type { MessageCatalog } from '../catalog.js';

export const FRAMEWORK_MESSAGES = {} as const satisfies MessageCatalog;
