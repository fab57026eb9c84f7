import Ajv2020 from 'ajv/dist/2020';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { reportJsonSchema } from '../../lib/schema';
import { FIXTURES } from '../support/analyze';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(
    args,
    (s) => void (out += s),
    (s) => void (err += s),
  );
  return { code, out, err };
}

const SEED0 = join(FIXTURES, 'seeds/000_7d12747508f9e08c.txt');
const SEED4 = join(FIXTURES, 'seeds/004_fbb51525c9b5bd86.txt');
const TRS = join(FIXTURES, 'real/12_pingtan_2023_trs.html');
const LEGACY = join(FIXTURES, 'real/16_pingtan_2018_legacy.txt');
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));

describe('CLI', () => {
  it('summary: figures found and findings, exit 0 on a consistent report', async () => {
    const r = await run(SEED4);
    expect(r.code).toBe(0);
    expect(r.out).toContain('汾西县人民政府办公室');
    expect(r.out).toContain('2023年度');
    expect(r.out).toContain('读取 200');
    expect(r.out).toContain('行政强制');
  });

  it('--json: one JSON document per input, one per line, valid against the committed JSON Schema', async () => {
    const r = await run('--json', SEED0, TRS, LEGACY);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    const committed = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(reportJsonSchema()); // `npm run schema` keeps it current
    const validate = new Ajv2020({ strict: false }).compile(committed);
    for (const line of lines) {
      const doc = JSON.parse(line);
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    }
    const [a, b, c] = lines.map((l) => JSON.parse(l));
    expect(a.status).toBe('checked');
    expect(a.cells['t2.fees.amount']).toBe(10300.8203); // seed 000: 行政事业性收费 10300.8203
    expect(b.organ).toBe('平潭综合实验区管委会办公室');
    expect(c.status).toBe('older-format');
    for (const key of ['source', 'status', 'organ', 'year', 'format', 'cells', 'findings'])
      expect(a).toHaveProperty(key);
  });

  it('--tsv: a header and one row per cell, tab-separated', async () => {
    const r = await run('--tsv', SEED0);
    const rows = r.out
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(rows[0]).toEqual(['来源', '机关', '年度', '格式', '单元格', '名称', '数值', '状态']);
    expect(rows).toHaveLength(201);
    const licensing = rows.find((row) => row[4] === 't2.licensing.decisions')!;
    expect(licensing[6]).toBe('6454'); // seed 000: 行政许可 6454
    expect(licensing[5]).toContain('行政许可');
  });

  it('exit 1 when a report has error findings', async () => {
    const text = readFileSync(SEED0, 'utf8').replace(
      '一、本年新收政府信息公开申请数量\n\n69',
      '一、本年新收政府信息公开申请数量\n\n68',
    );
    const file = join(tmp, 'changed.txt');
    writeFileSync(file, text);
    const r = await run(file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('t3-row-total');
  });

  it('exit 2 with a one-line reason: missing, empty, binary, non-UTF-8/GBK file, bad usage', async () => {
    const empty = join(tmp, 'empty.txt');
    writeFileSync(empty, '');
    const binary = join(tmp, 'bin.html');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const latin = join(tmp, 'bad.txt');
    writeFileSync(latin, Buffer.from([0xff, 0xfe, 0xff, 0x80, 0x81, 0xff]));
    for (const [args, reason] of [
      [['nope.txt'], 'no such file'],
      [[empty], 'empty file'],
      [[binary], 'binary'],
      [[latin], 'not UTF-8 or GBK'],
      [['--bogus', SEED0], 'unknown option'],
      [[], 'no input file'],
    ] as const) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(reason);
    }
  });

  it('reads GBK-encoded files', async () => {
    // "湘阴县人民政府2023年政府信息公开工作年度报告" in GBK
    const title = Buffer.from(
      'cfe6d2f5cfd8c8cbc3f1d5feb8ae32303233c4ead5feb8aed0c5cfa2b9abbfaab9a4d7f7c4eab6c8b1a8b8e6',
      'hex',
    );
    const file = join(tmp, 'gbk.txt');
    writeFileSync(file, Buffer.concat([title, Buffer.from('\n')]));
    const r = await run('--json', file);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.title).toBe('湘阴县人民政府2023年政府信息公开工作年度报告');
    expect(doc.status).toBe('error'); // recognised as a report, but it has no tables
  });

  it('a page that is not a report says so, with the reason', async () => {
    const file = join(tmp, 'news.html');
    writeFileSync(
      file,
      '<html><head><title>县政府召开常务会议</title></head><body><p>会议研究了2024年重点工作。</p><table><tr><td>访问量</td><td>1234</td></tr></table></body></html>',
    );
    const r = await run('--json', file);
    const doc = JSON.parse(r.out);
    expect(doc.status).toBe('not-a-report');
    expect(doc.reason.zh).toContain('不是政府信息公开工作年度报告');
    expect(r.code).toBe(0);
  });

  it('the package bin is the built CLI: it runs once per call, with its exit status and the package version', () => {
    const bin = new URL('../../dist/nianbao-check.mjs', import.meta.url).pathname;
    if (!existsSync(bin)) execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-cli.ts']);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(pkg.bin['nianbao-check']).toBe('dist/nianbao-check.mjs');
    const ok = spawnSync(process.execPath, [bin, '--json', SEED0], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(1);
    expect(spawnSync(process.execPath, [bin, 'missing.txt'], { encoding: 'utf8' }).status).toBe(2);
    expect(spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).stdout.trim()).toBe(pkg.version);
  });

  it('--help and --version', async () => {
    expect((await run('--help')).out).toContain('Usage: nianbao-check');
    expect((await run('--version')).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
