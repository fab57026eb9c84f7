import { LANG_KEY, type Lang } from '../../lib/messages';

/** The UI language the user chose in the popup (Chinese unless English was chosen). */
export async function storedLang(): Promise<Lang> {
  const stored = await browser.storage.local.get(LANG_KEY);
  return stored[LANG_KEY] === 'en' ? 'en' : 'zh';
}
