/** A ZIP answer's files by name, each with whether its name carries the UTF-8 flag (for the export suites). */
import yauzl from 'yauzl'

export function unzip(buffer: Buffer): Promise<Map<string, { data: Buffer; utf8: boolean }>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: true }, (error, zip) => {
      if (error || !zip) return reject(error)
      const files = new Map<string, { data: Buffer; utf8: boolean }>()
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError)
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.on('end', () => {
            files.set(entry.fileName, { data: Buffer.concat(chunks), utf8: (entry.generalPurposeBitFlag & 0x800) !== 0 })
            zip.readEntry()
          })
        })
      })
      zip.on('end', () => resolve(files))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}
