/** PDFs whose fonts map no characters: said, never read as text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfLines } from '../../cli/pdf';
import { analyzeBytes } from '../../cli/read-input';
import { textIsGarbled } from '../../lib/pdf/layout';
import { FIXTURES } from '../support/analyze';
import { pdfWithoutToUnicode } from '../support/pdf-without-tounicode';

describe('a font without a ToUnicode map', () => {
  it('its glyph numbers (read by PDF.js as Latin letters and control codes) are said to be unreadable', async () => {
    const bytes = pdfWithoutToUnicode();
    await expect(pdfLines(bytes)).rejects.toThrow(/cannot be extracted/);
    await expect(analyzeBytes('fonts.pdf', bytes)).rejects.toThrow(/no ToUnicode map/);
  });
  it('a corpus PDF with its fonts mapped reads as text', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'real', '03_hongze_2024.pdf')));
    expect((await pdfLines(bytes)).length).toBeGreaterThan(50);
  });
});

describe('textIsGarbled', () => {
  const report = '本年新收政府信息公开申请数量 95 件，上年结转 3 件。'.repeat(20);
  it('Chinese text with figures is text', () => expect(textIsGarbled(report)).toBe(false));
  it('Latin letters standing for glyph numbers are not', () =>
    expect(
      textIsGarbled(
        'ĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĲĳĴĵĶķĸĹĺĻļĽľĿŀŁłŃńŅņŇňŉŊŋŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſ'.repeat(
          2,
        ),
      ),
    ).toBe(true));
  it('control codes and private-use characters are not', () =>
    expect(textIsGarbled(`${report}${'\u0011\ue001\u0012'.repeat(40)}`)).toBe(true));
  it('a short line of Latin (a page number, a URL) says nothing', () =>
    expect(textIsGarbled('www.hongze.gov.cn — 5 —')).toBe(false));
});
