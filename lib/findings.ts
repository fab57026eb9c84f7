import type { Finding } from './model';

/**
 * Findings that mark cells on the page: failing relations and bad values. A report that leaves
 * zeros blank is common; those blanks are listed in the popup, not outlined on the page; nor are
 * the cells of an info (a figure worth a look).
 */
export function marksCells(f: Finding): boolean {
  return f.status === 'fail' && f.severity !== 'info' && !(f.rule === 'cell-value' && f.severity === 'warning');
}

/** How a cell involved in these findings is shown: red when any of them is an error. */
export function cellSeverity(findings: Finding[]): 'error' | 'warning' {
  return findings.some((f) => marksCells(f) && f.severity === 'error') ? 'error' : 'warning';
}

/** Every cell involved in a finding that marks cells, with how it is shown. */
export function severityByCell(findings: Finding[]): Map<string, 'error' | 'warning'> {
  const involved = new Map<string, Finding[]>();
  for (const f of findings)
    if (marksCells(f)) for (const k of f.cells) involved.set(k, [...(involved.get(k) ?? []), f]);
  return new Map([...involved].map(([k, fs]) => [k, cellSeverity(fs)]));
}
