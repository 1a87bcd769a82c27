#!/usr/bin/env node
import module from 'node:module';

// Node ≥ 22.1 keeps the compiled code of dgmi's modules between runs (NODE_DISABLE_COMPILE_CACHE=1
// turns it off); Node 20 has no such cache. It must be on before the modules load, hence the
// dynamic import.
module.enableCompileCache?.();
await import('../dist/cli/main.js');
