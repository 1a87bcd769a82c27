/**
 * zod as the command line uses it: each schema (a framework, a sensitivity spec) is checked once
 * per process, and zod's JIT — which compiles an object schema into a function on its first
 * parse, to win on later ones — costs more than it saves: the default framework's first check
 * took 20–27 ms with it and 10–16 ms without (five fresh processes each, 2026-12-07). `jitless`
 * is zod's documented switch for that. Set here, for the CLI's process only: the library
 * (src/index.ts) leaves the global zod configuration of a host application alone.
 */
import { z } from 'zod';

z.config({ jitless: true });
