/**
 * The `--encoding` choices, apart from the decoder: the command line lists them while it is
 * built, before any command runs, and must not load iconv-lite to do it.
 */
export const ENCODINGS = ['auto', 'utf8', 'utf16le', 'utf16be', 'gb18030', 'gbk'] as const;
export type EncodingOption = (typeof ENCODINGS)[number];
