/**
 * ml-matrix, ml-pca and simple-statistics, loaded on first use. Importing them costs start-up time (about as much
 * as yaml) that every command would pay, though only frameworks with AHP or PCA weighting need
 * them; the validation rules that check an AHP matrix are synchronous, so the CommonJS builds
 * are required synchronously here rather than imported dynamically.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let statisticsLibrary: typeof import('simple-statistics') | undefined;
let matrixLibrary: typeof import('ml-matrix') | undefined;
let pcaLibrary: typeof import('ml-pca') | undefined;

/**
 * simple-statistics, for data-derived weights (CV, CRITIC), natural-break tiers and the audit's
 * statistics: a `score` whose framework uses none of them need not load it (issue 15). Every
 * user goes through here, so a process loads one build of it (the CommonJS one), never both.
 */
export function simpleStatistics(): typeof import('simple-statistics') {
  statisticsLibrary ??= require('simple-statistics') as typeof import('simple-statistics');
  return statisticsLibrary;
}

export function mlMatrix(): typeof import('ml-matrix') {
  matrixLibrary ??= require('ml-matrix') as typeof import('ml-matrix');
  return matrixLibrary;
}

export function mlPca(): typeof import('ml-pca') {
  pcaLibrary ??= require('ml-pca') as typeof import('ml-pca');
  return pcaLibrary;
}
