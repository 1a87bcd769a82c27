/** The `--regions` option of `compare` and `report`: a list of region codes or names in one argument. */

/** `浙江,江苏`, `浙江，江苏` and `浙江、江苏` all name two regions. */
export function splitRegionList(text: string): string[] {
  return text
    .split(/[,，、]/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
