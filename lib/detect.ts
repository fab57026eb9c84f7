/**
 * The cheap first look the content script takes at every page: does anything visible without
 * parsing suggest an annual report? Titles and headings in simplified or traditional script.
 */
const TITLE = /政府信息公[开開](?:工作)?(?:年度)?(?:工作)?(?:年度[报報]告|年[报報]|[报報]告)/;

export function titleLooksLikeReport(text: string | null | undefined): boolean {
  return !!text && text.length < 200 && TITLE.test(text.replace(/\s+/g, ''));
}

/** Table text that only table 三 has. */
export function tableLooksLikeReport(text: string): boolean {
  return text.includes('本年新收') && /[结結][转轉]/.test(text);
}
