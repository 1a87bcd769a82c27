/** `--method`: rank statistics only, or Sobol indices too. A plain list, so the CLI's option lists load nothing else. */
export const SENSITIVITY_METHODS = ['uncertainty', 'sobol'] as const;
