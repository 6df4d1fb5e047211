/**
 * Times in the console: always Japan time, whatever the browser's zone — the audit log, the
 * watermark burnt into images and the e-mails say JST too, and HR compares them.
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
