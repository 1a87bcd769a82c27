/**
 * Types for the part of saxen (https://github.com/nikku/saxen, no bundled types) that
 * xlsx-xml.ts uses: the hooks as its README documents them, without proxy or namespace mode.
 */
declare module 'saxen' {
  type DecodeEntities = (text: string) => string;
  export class Parser {
    on(event: 'openTag', handler: (name: string, attributes: () => Record<string, string>, decode: DecodeEntities, isSelfClosing: boolean) => void): this;
    on(event: 'closeTag', handler: (name: string, decode: DecodeEntities, isSelfClosing: boolean) => void): this;
    on(event: 'text', handler: (text: string, decode: DecodeEntities) => void): this;
    on(event: 'cdata', handler: (text: string) => void): this;
    on(event: 'error' | 'warn', handler: (error: Error) => void): this;
    parse(xml: string): this;
  }
}
