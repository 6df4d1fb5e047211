/**
 * The employee manual says 「タップ」: it was written for phones. On a computer the employee
 * clicks, so every text read there says so — each language's touch verb becomes its mouse verb
 * as the text is looked up (an i18next post-processor, lib/i18n.ts), instead of a second copy of
 * every sentence that names a button.
 */
import { isTouchDevice } from './device.ts'

/** [touch word, mouse word] per language; 点击 serves both in Chinese. */
export const POINTER_WORDS: Record<string, readonly (readonly [RegExp, string])[]> = {
  ja: [[/タップ/g, 'クリック']],
  en: [
    [/\btap\b/g, 'click'],
    [/\bTap\b/g, 'Click'],
  ],
  pt: [
    [/\btoque\b/g, 'clique'],
    [/\bToque\b/g, 'Clique'],
    [/\btocar\b/g, 'clicar'],
  ],
  vi: [
    [/chạm/g, 'nhấp'],
    [/Chạm/g, 'Nhấp'],
  ],
  zh: [],
}

/** The text as a mouse user should read it (unchanged on a touch screen). */
export function forPointer(text: string, language: string | undefined, touch = isTouchDevice()): string {
  if (touch) return text
  return (POINTER_WORDS[language ?? 'ja'] ?? []).reduce((out, [touchWord, mouseWord]) => out.replace(touchWord, mouseWord), text)
}
