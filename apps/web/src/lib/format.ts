/**
 * Times on screen: always Japan time, whatever the browser's zone — the console's audit log, the
 * watermark burnt into images, the e-mails and the employee's receipt say JST, and HR compares them.
 */
const dateTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
})

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso))

const longDate = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long' })

/** A day as the e-mails and the kit write it (2026年12月25日), in Japan time. */
export const formatDate = (iso: string) => longDate.format(new Date(iso))
