/**
 * COINr's ua100 assumptions less winsorisation (../shared/data/coinr-asem/README.md), as a
 * dgmi-sensitivity/1 text: the spec both sensitivity benches run.
 */
export const specText = (replications) => `format: dgmi-sensitivity/1
runs: ${replications}
seed: 42
assumptions:
  weights:
    - { level: 1, noise: 0.25 }
    - { level: 2, noise: 0.25 }
  normalise: [{ method: minmax, range: [1, 100] }, { method: zscore, mean: 10, sd: 2 }]
  aggregate: [arithmetic, geometric]
`;
