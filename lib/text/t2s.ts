/**
 * Traditional → simplified conversion with opencc-js, loaded on first use only
 * (the converter and its dictionaries are the largest part of the bundle).
 */
export type Converter = (text: string) => string;

let converter: Promise<Converter> | undefined;

export function loadT2S(): Promise<Converter> {
  converter ??= Promise.all([import('opencc-js/core'), import('opencc-js/preset/t2cn')]).then(([core, preset]) => {
    const convert = core.ConverterBuilder(preset)({ from: 'tw', to: 'cn' });
    // opencc converts by phrase; keep only character-for-character results so that
    // positions in the converted text still point at the original.
    return (text: string) => {
      const out = convert(text);
      if (out.length === text.length) return out;
      return Array.from(text, (ch) => convert(ch)).join('');
    };
  });
  return converter;
}

/** opencc in this process (Node, tests); the extension converts in its background worker instead. */
export const convertLocally = async (texts: string[]): Promise<string[]> => {
  const t2s = await loadT2S();
  return texts.map(t2s);
};
