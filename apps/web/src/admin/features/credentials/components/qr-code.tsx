import QRCode from 'qrcode'
import { useMemo } from 'react'

/**
 * The QR code of `text` as inline SVG, drawn from qrcode's module matrix: synchronous (the
 * kit prints at once) and vector (sharp on paper). Quiet zone of 4 modules per ISO/IEC 18004.
 */
export function QrCode({ text, label, size = 160 }: { text: string; label: string; size?: number }) {
  const { path, extent } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
    const commands: string[] = []
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) commands.push(`M${col + 4} ${row + 4}h1v1h-1z`)
      }
    }
    return { path: commands.join(''), extent: modules.size + 8 }
  }, [text])
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${extent} ${extent}`} shapeRendering="crispEdges">
      <rect width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
