#!/usr/bin/env node
import module from 'node:module';

// Node ≥ 22.1 keeps the compiled code of dgmi's modules between runs (NODE_DISABLE_COMPILE_CACHE=1
// turns it off); Node 20 has no such cache. It must be on before the modules load, hence the
// dynamic import.
module.enableCompileCache?.();
// The CLI as bundled by esbuild (`npm run bundle`, docs/performance.md): a few dozen chunks load
// faster than the ~270 modules of dist/cli/ they come from (the library, dist/index.js, is not
// bundled). Run `node --enable-source-maps bin/dgmi.js …` for stack traces in src/*.ts.
await import('../dist/cli-bundle/main.js');
