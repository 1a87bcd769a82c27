import { frameworkJsonSchema } from '../../model/framework.js';
import type { Io } from '../io.js';
import { emit } from './shared.js';

/** The JSON Schema text exactly as shipped in indicators/framework.schema.json. */
export function frameworkSchemaText(): string {
  return `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`;
}

export async function runSchema(io: Io, options: { output?: string }): Promise<number> {
  return emit(io, frameworkSchemaText(), options.output, [], 'en');
}
