import type { Finding } from './model';

/**
 * Findings that mark cells on the page: failing relations and bad values. A report that leaves
 * zeros blank is common; those blanks are listed in the popup, not outlined on the page.
 */
export function marksCells(f: Finding): boolean {
  return f.status === 'fail' && !(f.rule === 'cell-value' && f.severity === 'warning');
}
