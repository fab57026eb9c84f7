/** Every check file, the registry list and the RuleId enum name the same checks. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../lib/checks/index';
import { RuleId } from '../../lib/model';

const NOT_CHECKS = new Set(['context.ts', 'index.ts', 'names.ts', 'relation.ts']);

describe('the check registry', () => {
  it('holds every rule a check file exports, each once, and RuleId names exactly those', async () => {
    const exported: string[] = [];
    for (const file of readdirSync(new URL('../../lib/checks/', import.meta.url)).filter(
      (f) => f.endsWith('.ts') && !NOT_CHECKS.has(f),
    )) {
      const mod = (await import(`../../lib/checks/${file}`)) as Record<string, unknown>;
      for (const value of Object.values(mod)) {
        if (value && typeof value === 'object' && 'id' in value && 'run' in value)
          exported.push((value as { id: string }).id);
      }
    }
    const registered = RULES.map((r) => r.id);
    expect(new Set(registered).size).toBe(registered.length);
    expect([...exported].sort()).toEqual([...registered].sort());
    expect([...RuleId.options].sort()).toEqual([...registered].sort());
  });
});
