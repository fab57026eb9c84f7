import type { ExtractedCell } from '../extract/assemble';
import { cellSeverity, marksCells } from '../findings';
import type { Report } from '../model';
import type { P5Node } from '../source/parse5';

/** One page element to mark, found by the content script at `index` among the body's elements. */
export interface CellMark {
  index: number;
  /** the element's tag and the start of its text, so that the content script marks it only if they match */
  tag: string;
  text: string;
  /** indexes into report.findings */
  findings: number[];
  severity: 'error' | 'warning';
  /** `suspect`: the cell most likely wrong (marked strongest); `context`: a cell only around a suspect (lighter) */
  emphasis: 'suspect' | 'context' | 'plain';
}

/** What the content script compares before it marks an element: its text without spaces, first 40 characters. */
export const textSignature = (text: string) => text.replace(/\s+/g, '').slice(0, 40);

function rawText(node: P5Node): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(rawText).join('');
}

/** The page elements of every cell involved in a finding that marks cells. */
export function planMarks(report: Report, cells: Map<string, ExtractedCell<P5Node>>, elements: P5Node[]): CellMark[] {
  const indexOf = new Map<P5Node, number>();
  elements.forEach((el, i) => {
    indexOf.set(el, i);
  });
  const byIndex = new Map<number, CellMark>();
  const suspectCells = new Set(report.suspects.flatMap((s) => s.cells));
  const explained = new Set(report.suspects.flatMap((s) => s.explains));
  report.findings.forEach((finding, f) => {
    if (!marksCells(finding)) return;
    for (const key of finding.cells) {
      const ref = cells.get(key)?.ref;
      const index = ref ? indexOf.get(ref) : undefined;
      if (index === undefined) continue;
      let mark = byIndex.get(index);
      if (!mark) {
        mark = {
          index,
          tag: (ref!.tagName ?? '').toLowerCase(),
          text: textSignature(rawText(ref!)),
          findings: [],
          severity: 'warning',
          emphasis: 'plain',
        };
        byIndex.set(index, mark);
      }
      if (!mark.findings.includes(f)) mark.findings.push(f);
      if (suspectCells.has(key)) mark.emphasis = 'suspect';
    }
  });
  const marks = [...byIndex.values()].sort((a, b) => a.index - b.index);
  for (const mark of marks) {
    mark.severity = cellSeverity(mark.findings.map((i) => report.findings[i]));
    if (mark.emphasis !== 'suspect' && mark.findings.every((f) => explained.has(f))) mark.emphasis = 'context';
  }
  return marks;
}
