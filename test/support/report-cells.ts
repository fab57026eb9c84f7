/**
 * Random but consistent report figures for the page generator: every relation of the format holds,
 * so a fault injected afterwards is the only thing a check can find.
 */

export type Format = '2021' | '2019';
export type Cells = Record<string, number | null>;

export const T3_COLS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'other_org'] as const;
export const T3_RESULTS_2021 = [
  'granted',
  'partial',
  'withheld_secret',
  'withheld_law',
  'withheld_safety',
  'withheld_third_party',
  'withheld_internal',
  'withheld_process',
  'withheld_enforcement',
  'withheld_query',
  'unavailable_not_held',
  'unavailable_needs_creation',
  'unavailable_unclear',
  'rejected_petition',
  'rejected_duplicate',
  'rejected_publication',
  'rejected_excessive',
  'rejected_reconfirm',
  'other_no_correction',
  'other_unpaid_fee',
  'other_other',
];
export const T3_RESULTS_2019 = [...T3_RESULTS_2021.slice(0, 18), 'other'];
export const T4_GROUPS = ['review', 'suit_direct', 'suit_after_review'] as const;

/** Deterministic PRNG (mulberry32) so every generated case can be reproduced from its seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * (max + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

export function randomCells(format: Format, r: Rng, scale = 30): Cells {
  const cells: Cells = {};
  const results = format === '2021' ? T3_RESULTS_2021 : T3_RESULTS_2019;
  if (format === '2021') {
    for (const row of ['rules', 'normative']) {
      cells[`t2.${row}.issued`] = r.int(scale);
      cells[`t2.${row}.repealed`] = r.int(scale / 2);
      cells[`t2.${row}.in_force`] = r.int(scale * 10);
    }
    for (const row of ['licensing', 'penalty', 'coercion']) cells[`t2.${row}.decisions`] = r.int(scale * 100);
    cells['t2.fees.amount'] = r.chance(0.5) ? 0 : Math.round(r.next() * 100000 * 10000) / 10000;
  } else {
    for (const row of ['rules', 'normative']) {
      cells[`t2.${row}.new_made`] = r.int(scale);
      cells[`t2.${row}.new_published`] = r.int(scale);
      cells[`t2.${row}.total_public`] = r.int(scale * 10);
    }
    for (const row of ['licensing', 'other_services', 'penalty', 'coercion']) {
      cells[`t2.${row}.prev_items`] = r.int(scale * 3);
      cells[`t2.${row}.change`] = r.int(scale) - Math.floor(scale / 2);
      cells[`t2.${row}.decisions`] = r.int(scale * 100);
    }
    cells['t2.fees.prev_items'] = r.int(10);
    cells['t2.fees.change'] = r.int(4) - 2;
    cells['t2.procurement.items'] = r.int(20);
    cells['t2.procurement.amount'] = r.int(1000000);
  }
  const totals = { new: 0, carried_over: 0, total: 0, carried_forward: 0 } as Record<string, number>;
  const rowTotals: Record<string, number> = {};
  for (const col of T3_COLS) {
    const busy = col === 'natural' ? scale : r.chance(0.4) ? Math.floor(scale / 3) : 0;
    const carriedOver = r.int(Math.floor(busy / 4));
    const fresh = r.int(busy);
    const carriedForward = r.int(Math.floor((fresh + carriedOver) / 4));
    const handled = fresh + carriedOver - carriedForward;
    cells[`t3.new.${col}`] = fresh;
    cells[`t3.carried_over.${col}`] = carriedOver;
    cells[`t3.carried_forward.${col}`] = carriedForward;
    cells[`t3.total.${col}`] = handled;
    // spread the handled applications over a few result rows
    const shares = results.map(() => (r.chance(0.35) ? r.next() : 0));
    const weight = shares.reduce((a, b) => a + b, 0) || 1;
    let left = handled;
    results.forEach((row, i) => {
      const v = i === results.length - 1 ? left : Math.min(left, Math.floor((handled * shares[i]) / weight));
      cells[`t3.${row}.${col}`] = v;
      left -= v;
    });
    // put any remainder on 予以公开
    cells[`t3.granted.${col}`] = (cells[`t3.granted.${col}`] as number) + 0;
    for (const k of Object.keys(totals)) totals[k] += cells[`t3.${k}.${col}`] as number;
  }
  for (const row of ['new', 'carried_over', ...results, 'total', 'carried_forward']) {
    rowTotals[row] = T3_COLS.reduce((s, c) => s + (cells[`t3.${row}.${c}`] as number), 0);
    cells[`t3.${row}.total`] = rowTotals[row];
  }
  for (const g of T4_GROUPS) {
    const parts = ['upheld', 'corrected', 'other', 'pending'].map(() => (r.chance(0.5) ? r.int(5) : 0));
    ['upheld', 'corrected', 'other', 'pending'].forEach((k, i) => {
      cells[`t4.${g}.${k}`] = parts[i];
    });
    cells[`t4.${g}.total`] = parts.reduce((a, b) => a + b, 0);
  }
  return cells;
}

/**
 * One body's consecutive years, each consistent, and consistent across years: this year's 上年结转
 * equals last year's 结转下年度 in every column, and 现行有效 follows 制发 and 废止.
 */
export function yearsOfOneBody(r: Rng, years: number, scale = 30): Cells[] {
  const out: Cells[] = [];
  for (let y = 0; y < years; y++) {
    const cells = randomCells('2021', r, scale);
    const before = out.at(-1);
    if (before) {
      for (const col of T3_COLS) {
        const carried = before[`t3.carried_forward.${col}`] as number;
        const d = carried - (cells[`t3.carried_over.${col}`] as number);
        cells[`t3.carried_over.${col}`] = carried;
        // keep 新收 + 结转 = 办结 + 结转下年度 in the column
        if ((cells[`t3.new.${col}`] as number) - d >= 0)
          cells[`t3.new.${col}`] = (cells[`t3.new.${col}`] as number) - d;
        else cells[`t3.carried_forward.${col}`] = (cells[`t3.carried_forward.${col}`] as number) + d;
      }
      for (const row of ['new', 'carried_over', 'carried_forward'])
        cells[`t3.${row}.total`] = T3_COLS.reduce((s, c) => s + (cells[`t3.${row}.${c}`] as number), 0);
      for (const row of ['rules', 'normative']) {
        const inForce = (before[`t2.${row}.in_force`] as number) + (cells[`t2.${row}.issued`] as number);
        cells[`t2.${row}.repealed`] = Math.min(cells[`t2.${row}.repealed`] as number, inForce);
        cells[`t2.${row}.in_force`] = inForce - (cells[`t2.${row}.repealed`] as number);
      }
    }
    out.push(cells);
  }
  return out;
}

/** 上年结转 2 more than last year's 结转下年度 in the 自然人 column, 新收 2 fewer: the year itself still balances. */
export function withCarryBreak(cells: Cells): Cells {
  const add = (key: string, d: number) => ({ [key]: (cells[key] as number) + d });
  return {
    ...cells,
    ...add('t3.carried_over.natural', 2),
    ...add('t3.carried_over.total', 2),
    ...add('t3.new.natural', -2),
    ...add('t3.new.total', -2),
  };
}
