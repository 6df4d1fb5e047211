/**
 * Times on screen: always Japan time, whatever the browser's zone — the console's audit log, the
 * watermark burnt into images, the e-mails and the employee's receipt say JST, and HR compares them.
 * The console writes Japanese; an employee screen passes the language it shows (useT's `language`).
 */
import { type Language, formatDay, formatDayTime } from '@bango/shared/languages'

/** 2026/12/07 10:00 in Japanese; December 7, 2026 at 10:00 AM in English. */
export const formatDateTime = (iso: string, language: Language = 'ja') => formatDayTime(new Date(iso), language)

/** A day as the e-mails and the kit write it (2026年12月25日), in Japan time and in the language. */
export const formatDate = (iso: string, language: Language = 'ja') => formatDay(new Date(iso), language)
