/**
 * Traditional → simplified conversion with opencc-js, loaded on first use only
 * (the converter and its dictionaries are the largest part of the bundle).
 */
export type Converter = (text: string) => string;

let converter: Promise<Converter> | undefined;

export function loadT2S(): Promise<Converter> {
  converter ??= Promise.all([import('opencc-js/core'), import('opencc-js/preset/t2cn')]).then(([core, preset]) => {
    return charwise(core.ConverterBuilder(preset)({ from: 'tw', to: 'cn' }));
  });
  return converter;
}

/**
 * opencc converts by phrase; keep only character-for-character results so that positions in the
 * converted text still point at the original.
 */
export function charwise(convert: Converter): Converter {
  return (text) => {
    const out = convert(text);
    return out.length === text.length ? out : Array.from(text, (ch) => convert(ch)).join('');
  };
}

/** opencc in this process (Node, tests); the extension converts in its background worker instead. */
export const convertLocally = async (texts: string[]): Promise<string[]> => {
  const t2s = await loadT2S();
  return texts.map(t2s);
};
