/** One section of the report: its anchor, its heading and its HTML body (already escaped). */
export interface HtmlSection {
  /** The element id and `data-section` value (tests and the contents list find sections by it). */
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

/** A chart as a figure: the inline SVG, and a caption that is text from our words or escaped file text. */
export function figure(chart: string, svg: string, captionHtml = ''): string {
  return `<figure class="chart" data-chart="${chart}">${svg}${captionHtml === '' ? '' : `<figcaption>${captionHtml}</figcaption>`}</figure>`;
}
